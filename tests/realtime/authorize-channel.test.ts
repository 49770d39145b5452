import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { authorizeChannel, mayJoinChannel } from "@/lib/realtime/authorize-channel";
import { dashboardChannels, isDashboardChannel, isKnownChannel, queueChannels, reportChannels } from "@/lib/realtime/channels";
import { realtimeClientConfig } from "@/lib/realtime/client-config";
import { resetPusherCache } from "@/lib/realtime/pusher-server";

// Channel authorisation decides who sees live import progress; these pin the rule and the signature format.

const pusherEnv = { PUSHER_APP_ID: "app", PUSHER_KEY: "key", PUSHER_SECRET: "secret", PUSHER_HOST: "127.0.0.1", PUSHER_PORT: "6001", PUSHER_USE_TLS: "false" };
const saved = { ...process.env };

function useEnv(vars: Record<string, string | undefined>) {
  for (const name of Object.keys(pusherEnv)) delete process.env[name];
  Object.assign(process.env, vars);
  resetEnvCache();
  resetPusherCache();
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

beforeEach(() => useEnv(pusherEnv));
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
  resetPusherCache();
});

describe("channel names", () => {
  it("builds and recognises only the app's channels", () => {
    expect(reportChannels.all()).toBe("private-reports");
    expect(reportChannels.one(42)).toBe("private-report-42");
    expect(isKnownChannel(reportChannels.one(42))).toBe(true);
    expect(dashboardChannels.main()).toBe("private-cache-dashboard");
    expect(isKnownChannel(dashboardChannels.main())).toBe(true);
    expect(isDashboardChannel(dashboardChannels.main())).toBe(true);
    expect(isDashboardChannel(queueChannels.all())).toBe(false);
    for (const name of ["private-report-0", "private-report-007", "private-report-x", "private-other", "reports", "presence-reports"]) {
      expect(isKnownChannel(name)).toBe(false);
    }
  });
});

describe("authorizeChannel", () => {
  const user = { kind: "user", userId: "u1" } as const;
  const dashboard = { kind: "dashboard_token", tokenId: 1 } as const;

  it("lets any signed-in user join every app channel and nobody join unknown ones", () => {
    for (const channel of ["private-reports", "private-report-3", "private-queue", "private-cache-dashboard"]) expect(mayJoinChannel(user, channel)).toBe(true);
    expect(mayJoinChannel(null, "private-reports")).toBe(false);
    expect(mayJoinChannel(user, "private-admin")).toBe(false);
  });

  it("lets a dashboard token join the dashboard channel only", () => {
    expect(mayJoinChannel(dashboard, "private-cache-dashboard")).toBe(true);
    for (const channel of ["private-reports", "private-report-3", "private-queue", "private-cache-other", "private-admin"]) {
      expect(mayJoinChannel(dashboard, channel), channel).toBe(false);
    }
    expect(thrown(() => authorizeChannel(dashboard, "123.456", "private-queue"))).toMatchObject({ status: 403, message: expect.stringContaining("private-cache-dashboard") });
    expect(authorizeChannel(dashboard, "123.456", "private-cache-dashboard").auth).toMatch(/^key:[0-9a-f]{64}$/);
  });

  it("signs socket_id:channel with the secret", () => {
    const signature = createHmac("sha256", "secret").update("123.456:private-report-3").digest("hex");
    expect(authorizeChannel(user, "123.456", "private-report-3")).toEqual({ auth: `key:${signature}` });
  });

  it("refuses an unknown channel with 403, a missing user with 401 and a bad socket id with 400", () => {
    expect(thrown(() => authorizeChannel(user, "123.456", "private-admin"))).toMatchObject({ status: 403 });
    expect(thrown(() => authorizeChannel(null, "123.456", "private-reports"))).toMatchObject({ status: 401 });
    expect(thrown(() => authorizeChannel(user, "nope", "private-reports"))).toMatchObject({ status: 400 });
  });

  it("answers 503 when realtime is not configured", () => {
    useEnv({});
    expect(thrown(() => authorizeChannel(user, "123.456", "private-reports"))).toMatchObject({ status: 503 });
  });
});

describe("realtimeClientConfig", () => {
  it("points the browser at the local stand-in when PUSHER_HOST is set", () => {
    expect(realtimeClientConfig()).toEqual({
      key: "key",
      cluster: "mt1",
      wsHost: "127.0.0.1",
      wsPort: 6001,
      wssPort: 6001,
      forceTLS: false,
      enabledTransports: ["ws"],
      authEndpoint: "/api/realtime/auth",
    });
  });

  it("uses the hosted cluster over TLS without a host, and is null when unconfigured", () => {
    useEnv({ PUSHER_APP_ID: "app", PUSHER_KEY: "key", PUSHER_SECRET: "secret" });
    expect(realtimeClientConfig()).toEqual({ key: "key", cluster: "mt1", forceTLS: true, enabledTransports: ["ws"], authEndpoint: "/api/realtime/auth" });
    useEnv({});
    expect(realtimeClientConfig()).toBeNull();
  });
});
