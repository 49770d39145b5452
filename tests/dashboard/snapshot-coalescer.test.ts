import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSnapshotCoalescer } from "@/lib/dashboard/snapshot-coalescer";

// dashboard_state is read from the database when sent: a burst of "something changed" must cost one send
// per second at most, and the last change must still go out (the trailing send reads the state as it is then).

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  let version = 0;
  const sent: number[] = [];
  const onError = vi.fn();
  const coalescer = createSnapshotCoalescer({ minIntervalMs: 1000, send: async () => void sent.push(version), onError });
  return { sent, onError, coalescer, change: () => ++version };
}

describe("createSnapshotCoalescer", () => {
  it("sends the first request at once and folds a burst into one trailing send of the latest state", async () => {
    const { sent, coalescer, change } = setup();
    change();
    await coalescer.request();
    expect(sent).toEqual([1]);
    for (let i = 0; i < 20; i++) {
      change();
      await coalescer.request();
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(sent).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([1, 21]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([1, 21]);
  });

  it("keeps to one send a second under a steady stream", async () => {
    const { sent, coalescer, change } = setup();
    for (let ms = 0; ms < 5000; ms += 100) {
      change();
      await coalescer.request();
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.length).toBeGreaterThanOrEqual(5);
    expect(sent.length).toBeLessThanOrEqual(6);
    expect(sent.at(-1)).toBe(50);
  });

  it("flush sends a deferred request now", async () => {
    const { sent, coalescer, change } = setup();
    await coalescer.request();
    change();
    await coalescer.request();
    expect(sent).toEqual([0]);
    await coalescer.flush();
    expect(sent).toEqual([0, 1]);
  });

  it("reports a failed send and keeps going", async () => {
    let fail = true;
    const onError = vi.fn();
    const sent: string[] = [];
    const coalescer = createSnapshotCoalescer({
      minIntervalMs: 1000,
      send: async () => {
        if (fail) throw new Error("pusher down");
        sent.push("ok");
      },
      onError,
    });
    await expect(coalescer.request()).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "pusher down" }));
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    await coalescer.request();
    expect(sent).toEqual(["ok"]);
  });
});
