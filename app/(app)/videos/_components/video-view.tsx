import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/session";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import type { VideoDetail } from "@/lib/videos/types";
import { ClaimsTable } from "./claims-table";
import { DeleteVideo } from "./delete-video";
import { EditForm } from "./edit-form";
import { FieldsGrid } from "./fields-grid";
import { FlagsPanel } from "./flags-panel";
import { MetricsTable } from "./metrics-table";
import { SyncNow } from "./sync-now";
import { Timeline } from "./timeline";
import { VideoHeader } from "./video-header";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-heading`} className="text-base font-semibold text-gray-900">{title}</h2>
      {children}
    </section>
  );
}

/** The video page's body (F11): status, every field, claims, metrics, edits, flags and the history. */
export function VideoView({ detail, user, realtime = null }: { detail: VideoDetail; user: Pick<SessionUser, "role">; realtime?: RealtimeClientConfig | null }) {
  const { video } = detail;
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <VideoHeader detail={detail} />
      <SyncNow videoId={video.video_id} apiSyncedAt={video.api_synced_at} realtime={realtime} />
      <Section id="fields" title="Details">
        <FieldsGrid video={video} />
      </Section>
      <Section id="claims" title={`Claims and assets (${detail.claims.length})`}>
        <ClaimsTable claims={detail.claims} />
      </Section>
      <Section id="metrics" title="Metrics per period">
        <MetricsTable metrics={detail.metrics} />
      </Section>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Section id="edit" title="Edit">
          <EditForm video={video} />
        </Section>
        <Section id="flags" title="Flags">
          <FlagsPanel videoId={video.video_id} hidden={video.hidden} administered={video.administered} administeredAt={video.administered_at} />
          {user.role === "admin" && (
            <div className="border-t border-gray-200 pt-4">
              <h3 className="mb-2 text-sm font-semibold text-gray-700">Danger zone</h3>
              <DeleteVideo videoId={video.video_id} title={video.title} />
            </div>
          )}
        </Section>
      </div>
      <Section id="history" title="History">
        <Timeline entries={detail.timeline} total={detail.history_total} />
      </Section>
    </div>
  );
}
