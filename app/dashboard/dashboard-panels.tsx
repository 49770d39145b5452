import { clampPercent, formatCount } from "@/app/(app)/reports/_components/format";
import type { DashboardError, DashboardImport, DashboardState, QuotaSnapshot } from "@/lib/realtime/channels";
import { clockTime, errorKindLabel, timeAgo, timeUntil } from "./dashboard-format";

// The four panels of the wall dashboard. Dark, high contrast and large: it is read from across a room.

function Panel({ title, children, className = "" }: { title: string; children: React.ReactNode; className?: string }) {
  const id = `panel-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className={`flex min-h-0 flex-col gap-4 overflow-hidden rounded-2xl bg-gray-900 p-6 ring-1 ring-white/10 ${className}`}>
      <h2 id={id} className="text-lg font-semibold uppercase tracking-widest text-gray-400 2xl:text-2xl">{title}</h2>
      {children}
    </section>
  );
}

function Bar({ percent, label, tone = "blue" }: { percent: number; label: string; tone?: "blue" | "amber" | "red" }) {
  const fill = { blue: "bg-sky-400", amber: "bg-amber-400", red: "bg-red-500" }[tone];
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-5 w-full overflow-hidden rounded-full bg-gray-800 2xl:h-7">
      <div className={`h-full rounded-full ${fill} transition-[width] duration-700`} style={{ width: `${percent}%` }} />
    </div>
  );
}

export function ImportsPanel({ imports }: { imports: DashboardImport[] }) {
  return (
    <Panel title="Imports running" className="col-span-2">
      {imports.length === 0 ? (
        <p className="text-3xl text-gray-500 2xl:text-4xl">No imports running</p>
      ) : (
        <ul className="space-y-5">
          {imports.map((item) => {
            const percent = clampPercent(item.percentage);
            return (
              <li key={item.report_id} className="space-y-2">
                <div className="flex items-baseline justify-between gap-6">
                  <span className="truncate text-2xl font-medium text-white 2xl:text-4xl">{item.filename}</span>
                  <span className="shrink-0 text-3xl font-semibold tabular-nums text-sky-300 2xl:text-5xl">{percent}%</span>
                </div>
                <Bar percent={percent} label={`Import of ${item.filename}`} />
                <p className="text-lg text-gray-400 2xl:text-2xl">
                  {item.status === "pending" ? "Waiting to start" : (item.phase ?? "Importing")}
                  {item.total_rows > 0 && ` · ${formatCount(item.processed_rows)} of ${formatCount(item.total_rows)} rows`}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

export function QueuePanel({ state }: { state: Pick<DashboardState, "queue_length" | "backlog_assets"> }) {
  const q = state.queue_length;
  const tiles: Array<[string, number, string]> = [
    ["Pending", q.pending, "text-white"],
    ["Processing", q.processing, "text-sky-300"],
    ["Completed", q.completed, "text-emerald-300"],
    ["Failed", q.failed, q.failed > 0 ? "text-red-400" : "text-white"],
    ["Assets in backlog", state.backlog_assets, "text-white"],
  ];
  return (
    <Panel title="Queue">
      {/* Three columns, so all five figures fit a 720-pixel-high screen (two columns cut the backlog off there). */}
      <dl className="grid grid-cols-3 gap-x-6 gap-y-4">
        {tiles.map(([label, value, tone]) => (
          <div key={label} className={label === "Assets in backlog" ? "col-span-2" : ""}>
            <dt className="truncate text-base text-gray-400 xl:text-lg 2xl:text-2xl">{label}</dt>
            <dd className={`text-4xl font-semibold tabular-nums xl:text-5xl 2xl:text-7xl ${tone}`}>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}

export function QuotaPanel({ quota, now }: { quota: QuotaSnapshot; now: Date }) {
  const percent = quota.budget > 0 ? clampPercent((quota.used / quota.budget) * 100) : 0;
  const tone = quota.exhausted ? "red" : percent >= 80 ? "amber" : "blue";
  return (
    <Panel title="API quota today">
      <p className="text-5xl font-semibold tabular-nums text-white 2xl:text-7xl">
        {formatCount(quota.used)} <span className="text-3xl font-normal text-gray-400 2xl:text-5xl">/ {formatCount(quota.budget)}</span>
      </p>
      <Bar percent={percent} label="API quota used today" tone={tone} />
      {quota.exhausted && <p className="text-2xl font-semibold text-amber-300 2xl:text-3xl">Used up: enrichment waits for the reset</p>}
      <p className="text-xl text-gray-300 2xl:text-3xl">
        Resets at {clockTime(quota.reset_at)} <span className="text-gray-500">(in {timeUntil(quota.reset_at, now)})</span>
      </p>
    </Panel>
  );
}

export function ErrorsPanel({ errors, now }: { errors: DashboardError[]; now: Date }) {
  return (
    <Panel title="Last errors" className="col-span-2">
      {errors.length === 0 ? (
        <p className="text-3xl text-gray-500 2xl:text-4xl">No errors</p>
      ) : (
        <ul className="divide-y divide-white/10 overflow-hidden">
          {errors.map((e) => (
            <li key={`${e.task_id ?? ""}-${e.report_id ?? ""}-${e.at}`} className="flex gap-6 py-2 text-lg 2xl:text-2xl">
              <span className="w-28 shrink-0 tabular-nums text-gray-400 2xl:w-40">{timeAgo(e.at, now)}</span>
              <span className="w-52 shrink-0 font-medium text-red-300 2xl:w-72">
                {errorKindLabel(e.kind)} {e.task_id != null ? `#${e.task_id}` : e.report_id != null ? `report ${e.report_id}` : ""}
              </span>
              <span className="min-w-0 flex-1 truncate text-gray-200">{e.message}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
