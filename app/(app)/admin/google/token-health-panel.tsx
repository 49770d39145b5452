import Link from "next/link";
import { Badge, type BadgeTone } from "@/app/_components/badge";
import { LocalTime } from "@/app/(app)/reports/_components/local-time";
import type { TokenHealth } from "@/lib/youtube/token-health";

// Token health as the admin needs it: can the app reach Google (and which Google: the local sandbox or the real
// one), with which credentials, and if not, what to change.

const STATE: Record<TokenHealth["state"], { label: string; tone: BadgeTone }> = {
  ok: { label: "Working", tone: "success" },
  failing: { label: "Failing", tone: "danger" },
  not_configured: { label: "Not configured", tone: "muted" },
};

const AUTH_LABEL = { refresh_token: "CMS user's refresh token", service_account: "Service account" } as const;

export function TokenHealthPanel({ health, renewed }: { health: TokenHealth; renewed: boolean }) {
  const state = STATE[health.state];
  return (
    <section aria-labelledby="token-heading" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="token-heading" className="text-lg font-semibold text-gray-900">Access token</h2>
        <Badge tone={state.tone}>{state.label}</Badge>
        {health.mode === "sandbox" ? (
          <Badge tone="sandbox" detail="the local stand-in: made-up data, no Google account involved">Sandbox</Badge>
        ) : (
          <Badge tone="info">Google</Badge>
        )}
      </div>
      {health.reason && (
        <p role={health.state === "failing" ? "alert" : undefined} className="max-w-3xl text-sm text-gray-800">
          {health.reason}
          {health.failedAt && (
            <span className="text-gray-500">
              {" "}(seen <LocalTime iso={health.failedAt} />)
            </span>
          )}
        </p>
      )}
      <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-gray-500">Signed in with</dt>
        <dd className="text-gray-900">{health.auth ? AUTH_LABEL[health.auth] : "—"}</dd>
        <dt className="font-medium text-gray-500">Acting for content owner</dt>
        <dd className="text-gray-900">
          {health.contentOwnerId ? (
            <span className="font-mono">{health.contentOwnerId}</span>
          ) : (
            <span className="text-amber-800">not set: Content ID calls need YOUTUBE_CONTENT_OWNER_ID</span>
          )}
        </dd>
        <dt className="font-medium text-gray-500">Token expires</dt>
        <dd className="text-gray-900">
          <LocalTime iso={health.expiresAt} /> <span className="text-gray-500">(renewed about 5 minutes before)</span>
        </dd>
        <dt className="font-medium text-gray-500">Checked</dt>
        <dd className="text-gray-900">
          <LocalTime iso={health.checkedAt} />
          {renewed && <span className="text-gray-500"> with a freshly requested token</span>}
        </dd>
      </dl>
      {health.state !== "not_configured" && (
        <Link href="/admin/google?renew=1" prefetch={false} className="inline-block text-sm font-medium text-blue-700 hover:underline">
          Request a new token and check again
        </Link>
      )}
    </section>
  );
}
