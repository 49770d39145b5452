import type { QueueTaskView } from "@/lib/enrichment/queue-contract";
import { apiJson } from "../../reports/_components/api";

// Browser-side calls to the queue routes; errors carry the API's own message (see reports/_components/api.ts).

export function retryTask(id: number) {
  return apiJson<{ status: "retried"; task: QueueTaskView }>(`/api/queue/${id}/retry`, { method: "POST" });
}

export function retryAllFailed() {
  return apiJson<{ status: "retried"; retried: number }>("/api/queue/retry-failed", { method: "POST" });
}

export function setPriority(id: number, priority: number) {
  return apiJson<QueueTaskView>(`/api/queue/${id}`, { method: "PATCH", body: JSON.stringify({ priority }) });
}
