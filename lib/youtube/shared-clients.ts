import { createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { youtubeClients, type OAuth2Client, type YouTubeClients } from "./clients";
import { noteGoogleAnswered } from "./token-failures";

// One set of clients per process, so one auth client holds the access token: it is fetched once, reused by every
// call, and renewed ahead of expiry (google-auth-library renews when less than eagerRefreshThresholdMillis, 5 min
// by default, is left), instead of a token request per task. Rebuilt when the YouTube settings change (tests and
// the launcher change the environment at run time). Kept on globalThis so every Next.js bundle layer in the
// process shares the one token.

type Store = { key?: string; clients?: YouTubeClients };
const KEY = Symbol.for("catalog.youtube.sharedClients");
const store = () => ((globalThis as Record<symbol, Store>)[KEY] ??= {});

export function getYouTubeClients(): YouTubeClients {
  const key = settingsKey();
  const s = store();
  if (!s.clients || s.key !== key) {
    s.clients = youtubeClients();
    watchAnswers(s.clients.auth);
    s.key = key;
  }
  return s.clients;
}

/** Forget the shared clients (and their token); the next getYouTubeClients() builds new ones. */
export function resetYouTubeClients(): void {
  const s = store();
  s.clients = undefined;
  s.key = undefined;
}

/** A digest, so the cache key does not keep another copy of the secrets around. */
function settingsKey(): string {
  const env = getEnv();
  const settings = [
    env.YOUTUBE_API_ROOT_URL,
    env.YOUTUBE_PARTNER_ROOT_URL,
    env.GOOGLE_OAUTH_TOKEN_URL,
    env.YOUTUBE_CLIENT_ID,
    env.YOUTUBE_CLIENT_SECRET,
    env.YOUTUBE_REFRESH_TOKEN,
    env.YOUTUBE_SERVICE_ACCOUNT_KEY,
    env.YOUTUBE_CONTENT_OWNER_ID,
  ];
  return createHash("sha256").update(JSON.stringify(settings)).digest("hex");
}

// Every token request and API call of the auth client passes its transporter. A success ends a recorded token
// failure. A 401 means Google no longer takes the token we hold, so it is marked expired and the next call
// fetches a fresh one (the call itself is not replayed: our retry policy decides that).
function watchAnswers(auth: OAuth2Client): void {
  auth.transporter.interceptors.response.add({
    resolved: async (response) => {
      noteGoogleAnswered();
      return response;
    },
    rejected: async (error: { status?: number; response?: { status?: number } }) => {
      if ((error?.response?.status ?? error?.status) === 401 && auth.credentials.access_token) {
        auth.credentials = { ...auth.credentials, expiry_date: 1 };
      }
      throw error;
    },
  });
}
