// Local stand-in for the Inngest server: `tsx local/inngest/main.ts`.
// Env: PORT, APP_INNGEST_URL, INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY, DATA_DIR.
import { startExecutor } from "./executor";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`[inngest-local] ${name} is not set; the local Inngest executor needs it.`);
    process.exit(1);
  }
  return value;
}

const handle = await startExecutor({
  port: Number(process.env.PORT ?? 8288),
  appUrl: required("APP_INNGEST_URL"),
  signingKey: required("INNGEST_SIGNING_KEY"),
  eventKey: required("INNGEST_EVENT_KEY"),
  dataDir: process.env.DATA_DIR ?? ".data",
});
console.log(`[inngest-local] listening on ${handle.url}, app ${process.env.APP_INNGEST_URL}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void handle.stop().then(() => process.exit(0));
  });
}
