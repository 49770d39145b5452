"use client";
import type Pusher from "pusher-js";
import { useEffect, useRef } from "react";
import type { RealtimeClientConfig } from "./client-config";
import { createPusherClient } from "./pusher-client";

// One websocket per page however many components listen: the pusher-js client is shared at module level
// and channels are reference-counted, so one component unmounting never unsubscribes another's channel.

let shared: { id: string; pusher: Pusher; refs: Map<string, number> } | undefined;

function sharedClient(config: RealtimeClientConfig) {
  const id = JSON.stringify(config);
  if (!shared || shared.id !== id) {
    shared?.pusher.disconnect();
    const pusher = createPusherClient(config);
    shared = { id, pusher, refs: new Map() };
  }
  return shared;
}

/**
 * Calls `onEvent` with each `event` published on `channel` while the component is mounted. A null config
 * (realtime not configured) or channel does nothing, so pages still work and simply do not update live.
 */
export function useChannelEvent<T>(
  config: RealtimeClientConfig | null,
  channel: string | null,
  event: string,
  onEvent: (data: T) => void,
): void {
  // The latest callback without resubscribing on every render (callers usually pass inline functions).
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  const configId = config ? JSON.stringify(config) : null;
  useEffect(() => {
    if (!config || !channel) return;
    const client = sharedClient(config);
    const subscription = client.pusher.subscribe(channel);
    client.refs.set(channel, (client.refs.get(channel) ?? 0) + 1);
    const listener = (data: T) => handler.current(data);
    subscription.bind(event, listener);
    return () => {
      subscription.unbind(event, listener);
      const left = (client.refs.get(channel) ?? 1) - 1;
      if (left > 0) {
        client.refs.set(channel, left);
      } else {
        client.refs.delete(channel);
        client.pusher.unsubscribe(channel);
      }
    };
    // configId stands for config: props arrive as a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [configId, channel, event]);
}
