import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Local keys for the stand-ins, made once per data folder so sessions and signed requests survive restarts.
export function loadLocalSecrets(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "local-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const hex = (n) => randomBytes(n).toString("hex");
  const secrets = {
    authSecret: hex(32),
    pusherAppId: "catalog-local",
    pusherKey: `local-${hex(8)}`,
    pusherSecret: hex(24),
    inngestSigningKey: `signkey-test-${hex(32)}`,
    inngestEventKey: `local-event-key-${hex(12)}`,
    webhookSecret: hex(24),
    youtubeClientId: "sandbox-client-id",
    youtubeClientSecret: "sandbox-client-secret",
    youtubeRefreshToken: `sandbox-refresh-${hex(12)}`,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
