// Progress can change thousands of times a second during an import; browsers need a few updates a second.
// Per channel+event we send at most one event per interval, drop the ones in between, and always deliver
// the latest (a trailing send), so a progress bar never stops short of the true value.

export type PublishOptions = {
  /** Send now, cancelling any held update: the last update of a sequence, or a discrete event that must not be dropped. */
  final?: boolean;
};
export type SendFn = (channel: string, event: string, data: unknown) => Promise<void>;

type Slot = { lastSentAt: number; pending?: { data: unknown }; timer?: ReturnType<typeof setTimeout>; chain: Promise<void> };

export type CoalescingPublisher = {
  /** Resolves once sent when sent now; a held update resolves at once (await flush() to wait for it). */
  publish(channel: string, event: string, data: unknown, options?: PublishOptions): Promise<void>;
  /** Sends every held update now and waits for all sends: serverless steps call this before returning. */
  flush(): Promise<void>;
};

const maxIdleSlots = 1000;

export function createCoalescingPublisher({
  minIntervalMs = 300,
  send,
  onError = (error, channel, event) => console.warn(`[realtime] publishing ${event} on ${channel} failed:`, error),
}: {
  minIntervalMs?: number;
  send: SendFn;
  onError?: (error: unknown, channel: string, event: string) => void;
}): CoalescingPublisher {
  const slots = new Map<string, Slot>();

  // Sends for one key run one after another, so a slow earlier request cannot land after the final one.
  function dispatch(slot: Slot, channel: string, event: string, data: unknown): Promise<void> {
    slot.lastSentAt = Date.now();
    slot.chain = slot.chain.then(() => send(channel, event, data)).catch((error: unknown) => onError(error, channel, event));
    return slot.chain;
  }

  function release(slot: Slot, channel: string, event: string): Promise<void> {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const held = slot.pending;
    slot.pending = undefined;
    return held ? dispatch(slot, channel, event, held.data) : slot.chain;
  }

  function prune(now: number): void {
    if (slots.size <= maxIdleSlots) return;
    for (const [key, slot] of slots) {
      if (!slot.timer && now - slot.lastSentAt >= minIntervalMs) slots.delete(key);
    }
  }

  return {
    publish(channel, event, data, options = {}) {
      const key = `${channel}\u0000${event}`;
      const now = Date.now();
      prune(now);
      let slot = slots.get(key);
      if (!slot) {
        slot = { lastSentAt: -Infinity, chain: Promise.resolve() };
        slots.set(key, slot);
      }
      if (options.final || (!slot.timer && now - slot.lastSentAt >= minIntervalMs)) {
        clearTimeout(slot.timer);
        slot.timer = undefined;
        slot.pending = undefined;
        return dispatch(slot, channel, event, data);
      }
      slot.pending = { data };
      if (!slot.timer) {
        const held = slot;
        held.timer = setTimeout(() => void release(held, channel, event), held.lastSentAt + minIntervalMs - now);
      }
      return Promise.resolve();
    },

    async flush() {
      await Promise.all(
        [...slots].map(([key, slot]) => {
          const [channel, event] = key.split("\u0000");
          return release(slot, channel, event);
        }),
      );
    },
  };
}
