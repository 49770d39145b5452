// Decides which services run as local stand-ins (those the environment does not name) and wires the app to them.
export function buildEnvironment({ base, dataDir, secrets, ports }) {
  const standIns = {
    s3: !base.S3_ENDPOINT && !base.S3_ACCESS_KEY_ID,
    inngest: !base.INNGEST_BASE_URL && !base.INNGEST_SIGNING_KEY,
    pusher: !base.PUSHER_KEY,
    youtube: !base.YOUTUBE_REFRESH_TOKEN && !base.YOUTUBE_SERVICE_ACCOUNT_KEY,
  };
  const local = (port) => `http://127.0.0.1:${port}`;
  const env = {
    ...base,
    DATA_DIR: dataDir,
    PORT: String(ports.app),
    APP_URL: base.APP_URL ?? `http://localhost:${ports.app}`,
    AUTH_SECRET: base.AUTH_SECRET ?? secrets.authSecret,
    AUTH_URL: base.AUTH_URL ?? base.APP_URL ?? `http://localhost:${ports.app}`,
    WEBHOOK_SECRET: base.WEBHOOK_SECRET ?? secrets.webhookSecret,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (standIns.s3) {
    Object.assign(env, {
      S3_ENDPOINT: local(ports.s3),
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_BUCKET: base.S3_BUCKET ?? "catalog-reports",
    });
  }
  if (standIns.inngest) {
    Object.assign(env, {
      INNGEST_BASE_URL: local(ports.inngest),
      INNGEST_SIGNING_KEY: secrets.inngestSigningKey,
      INNGEST_EVENT_KEY: secrets.inngestEventKey,
      INNGEST_DEV: "0",
    });
  }
  if (standIns.pusher) {
    Object.assign(env, {
      PUSHER_APP_ID: secrets.pusherAppId,
      PUSHER_KEY: secrets.pusherKey,
      PUSHER_SECRET: secrets.pusherSecret,
      PUSHER_HOST: "127.0.0.1",
      PUSHER_PORT: String(ports.pusher),
      PUSHER_USE_TLS: "false",
    });
  }
  if (standIns.youtube) {
    Object.assign(env, {
      YOUTUBE_API_ROOT_URL: `${local(ports.youtube)}/`,
      YOUTUBE_PARTNER_ROOT_URL: `${local(ports.youtube)}/`,
      GOOGLE_OAUTH_TOKEN_URL: `${local(ports.youtube)}/token`,
      YOUTUBE_CLIENT_ID: secrets.youtubeClientId,
      YOUTUBE_CLIENT_SECRET: secrets.youtubeClientSecret,
      YOUTUBE_REFRESH_TOKEN: secrets.youtubeRefreshToken,
      YOUTUBE_CONTENT_OWNER_ID: "sandbox-content-owner",
    });
  }
  return { env, standIns };
}
