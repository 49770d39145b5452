// A snapshot is read from the database when it is sent, not when it is asked for: callers only say "something
// changed". The first request sends at once; requests within the interval after a send collapse into one
// trailing send at the end of the interval, which reads the state as it is then. So a burst of changes costs at
// most one database read and one publish per interval, and the last change is never left unsent.

export type SnapshotCoalescer = {
  /** Asks for a send; resolves once sent when it went at once, immediately when it was deferred. Never rejects. */
  request(): Promise<void>;
  /** Sends a deferred request now and waits for every send in flight. */
  flush(): Promise<void>;
};

export function createSnapshotCoalescer({
  minIntervalMs,
  send,
  onError = (error) => console.warn("[realtime] publishing a snapshot failed:", error),
}: {
  minIntervalMs: number;
  send: () => Promise<void>;
  onError?: (error: unknown) => void;
}): SnapshotCoalescer {
  let lastSentAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Sends run one after another, so an older snapshot can never land after a newer one.
  let chain: Promise<void> = Promise.resolve();

  function sendNow(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    lastSentAt = Date.now();
    chain = chain.then(send).catch(onError);
    return chain;
  }

  return {
    request() {
      if (timer) return Promise.resolve();
      const wait = lastSentAt + minIntervalMs - Date.now();
      if (wait <= 0) return sendNow();
      timer = setTimeout(() => void sendNow(), wait);
      return Promise.resolve();
    },
    flush() {
      return timer ? sendNow() : chain;
    },
  };
}
