import type { StreamEvent } from '@acme/contracts';
import type { StreamStatus } from './stream-status';

/** What the tabs sharing one stream say to each other over a BroadcastChannel. */

export const STREAM_CHANNEL_NAME = 'acme-notifications-stream';

export type HubMessage =
  /** The leader passes on a stream event. */
  | { type: 'event'; id: string; event: StreamEvent }
  /** The leader's connection status, and the last event id it has seen. */
  | { type: 'status'; status: StreamStatus; lastEventId: string | null }
  /** A tab has started: a leader already running answers with its status. */
  | { type: 'hello' }
  /** A follower's "Retry now": the leader reopens the stream if it is not live. */
  | { type: 'retry' };

/** On the channel every message names its user; tabs signed in as someone else ignore it. */
export type WireMessage = HubMessage & { userId: string };

export function encodeHubMessage(userId: string, message: HubMessage): WireMessage {
  return { ...message, userId };
}

/** The message if `data` is one for `userId`, else null (another user's, or not ours). */
export function decodeHubMessage(data: unknown, userId: string): HubMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, userId: to } = data as { type?: unknown; userId?: unknown };
  if (to !== userId) return null;
  return type === 'event' || type === 'status' || type === 'hello' || type === 'retry'
    ? (data as WireMessage)
    : null;
}

export interface HubChannel {
  post(message: HubMessage): void;
  close(): void;
}

/** Opens the channel for `userId`'s tabs; `onMessage` hears only messages for that user. */
export function openHubChannel(
  createChannel: (name: string) => BroadcastChannel,
  userId: string,
  onMessage: (message: HubMessage) => void,
): HubChannel {
  const channel = createChannel(STREAM_CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent) => {
    const message = decodeHubMessage(event.data, userId);
    if (message) onMessage(message);
  };
  return {
    post(message) {
      channel.postMessage(encodeHubMessage(userId, message));
    },
    close() {
      channel.close();
    },
  };
}
