import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCoalescingPublisher } from "@/lib/realtime/coalescing-publisher";

// Fake timers make the 300 ms window exact, so each test asserts the precise sequence that was sent.

type Sent = [channel: string, event: string, data: unknown];

function setup(send?: (sent: Sent[]) => (channel: string, event: string, data: unknown) => Promise<void>) {
  const sent: Sent[] = [];
  const onError = vi.fn();
  const publisher = createCoalescingPublisher({
    minIntervalMs: 300,
    send: send ? send(sent) : async (channel, event, data) => void sent.push([channel, event, data]),
    onError,
  });
  return { sent, onError, publisher };
}

const data = (sent: Sent[]) => sent.map(([, , d]) => d);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("createCoalescingPublisher", () => {
  it("sends the first update at once, drops the middle ones and delivers the last after the interval", async () => {
    const { sent, publisher } = setup();
    await publisher.publish("c", "e", 1);
    expect(data(sent)).toEqual([1]);
    for (const progress of [2, 3, 4]) {
      await publisher.publish("c", "e", progress);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(data(sent)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(150);
    expect(data(sent)).toEqual([1, 4]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(data(sent)).toEqual([1, 4]);
  });

  it("keeps to about three sends a second under a steady stream of updates", async () => {
    const { sent, publisher } = setup();
    for (let i = 1; i <= 100; i++) {
      await publisher.publish("c", "e", i);
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(300);
    expect(data(sent)).toEqual([1, 30, 60, 90, 100]);
  });

  it("sends a final update immediately and cancels the held one", async () => {
    const { sent, publisher } = setup();
    await publisher.publish("c", "e", { progress: 0 });
    await publisher.publish("c", "e", { progress: 0.5 });
    await publisher.publish("c", "e", { progress: 1, status: "completed" }, { final: true });
    expect(data(sent)).toEqual([{ progress: 0 }, { progress: 1, status: "completed" }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(data(sent)).toEqual([{ progress: 0 }, { progress: 1, status: "completed" }]);
  });

  it("coalesces each channel+event on its own", async () => {
    const { sent, publisher } = setup();
    await publisher.publish("a", "e", 1);
    await publisher.publish("b", "e", 1);
    await publisher.publish("a", "other", 1);
    await publisher.publish("a", "e", 2);
    expect(sent).toEqual([["a", "e", 1], ["b", "e", 1], ["a", "other", 1]]);
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.at(-1)).toEqual(["a", "e", 2]);
  });

  it("flush() sends every held update now and waits for it", async () => {
    const { sent, publisher } = setup();
    await publisher.publish("c", "e", 1);
    await publisher.publish("c", "e", 2);
    await publisher.flush();
    expect(data(sent)).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(data(sent)).toEqual([1, 2]);
  });

  it("keeps sends of one key in order even when an earlier send is slow", async () => {
    const { sent, publisher } = setup((sent) => async (channel, event, d) => {
      if (d === 1) await new Promise((resolve) => setTimeout(resolve, 500));
      sent.push([channel, event, d]);
    });
    const first = publisher.publish("c", "e", 1);
    const last = publisher.publish("c", "e", 2, { final: true });
    await vi.advanceTimersByTimeAsync(500);
    await Promise.all([first, last]);
    expect(data(sent)).toEqual([1, 2]);
  });

  it("never throws into the caller when sending fails", async () => {
    const { publisher, onError } = setup(() => async () => {
      throw new Error("pusher down");
    });
    await expect(publisher.publish("c", "e", 1, { final: true })).resolves.toBeUndefined();
    await publisher.publish("c", "e", 2);
    await expect(publisher.flush()).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledWith(expect.any(Error), "c", "e");
  });
});
