import { getDb } from "@/lib/db/client";
import { publicRoute } from "@/lib/http/handler";
import { receiveS3Webhook } from "@/lib/webhooks/receive-s3-webhook";

// Public route: the request proves itself by its HMAC or SNS signature, checked before anything else happens.
export const POST = publicRoute(async (request) => Response.json(await receiveS3Webhook(await getDb(), request)));
