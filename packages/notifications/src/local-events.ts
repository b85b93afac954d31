import { isStreamId, type StreamEvent } from '@acme/contracts';
import type { StreamItem } from './codec';

const ENVELOPE_HEAD = '{"id":"';
const ENVELOPE_EVENT = '","event":';
const NOTIFICATION_ID = ',"id":"';

interface Entry {
  json: string;
  event: StreamEvent;
}

/**
 * The notification id of a created event: the store appends `,"id":"<id>","userId":…` after
 * the content, so the last `,"id":"` is that one (user ids and timestamps cannot contain it).
 * Only a lookup key: a hit still has to match the whole JSON.
 */
function keyOf(eventJson: string): string | null {
  const at = eventJson.lastIndexOf(NOTIFICATION_ID);
  if (at < 0) return null;
  const start = at + NOTIFICATION_ID.length;
  const end = eventJson.indexOf('"', start);
  return end < 0 ? null : eventJson.slice(start, end);
}

/**
 * Events this process has just written, by the exact JSON the write script publishes. When a
 * live message carries one of them, the bus takes the object the store built (and validated)
 * instead of parsing and validating the JSON it just wrote: a group of 1,000 members comes
 * back as 1,000 messages. Anything else (other processes' writes, replay, a foreign or
 * malformed message) is parsed and validated as before.
 *
 * Only events for channels this process listens to are kept. An entry whose message never
 * comes back (the listener left, the write failed) is dropped after one to two `maxAgeMs`.
 */
export class LocalEvents {
  // By notification id (cheap to hash, unlike the JSON); the JSON must match exactly.
  private current = new Map<string, Entry>();
  private previous = new Map<string, Entry>();
  private rotatedAt: number;

  constructor(
    /** Whether a message on this channel would reach a listener of this process. */
    private readonly wanted: (channel: string) => boolean,
    private readonly now: () => number = Date.now,
    private readonly maxAgeMs = 5000,
  ) {
    this.rotatedAt = now();
  }

  /** Whether an event for this channel would be kept; lets the store skip building it. */
  wants(channel: string): boolean {
    return this.wanted(channel);
  }

  add(eventJson: string, event: StreamEvent): void {
    const key = keyOf(eventJson);
    if (key === null) return;
    const now = this.now();
    if (now - this.rotatedAt >= this.maxAgeMs) {
      this.previous = this.current;
      this.current = new Map();
      this.rotatedAt = now;
    }
    this.current.set(key, { json: eventJson, event });
  }

  /** Forgets an event whose write failed. */
  discard(eventJson: string): void {
    const key = keyOf(eventJson);
    if (key === null) return;
    this.current.delete(key);
    this.previous.delete(key);
  }

  /**
   * The item of a live message `{"id":"<ms>-<seq>","event":<event JSON>}` whose event this
   * process wrote; null for anything else. Each event is taken once.
   */
  take(message: string): StreamItem | null {
    if (this.current.size === 0 && this.previous.size === 0) return null;
    if (!message.startsWith(ENVELOPE_HEAD) || !message.endsWith('}')) return null;
    const idEnd = message.indexOf(ENVELOPE_EVENT, ENVELOPE_HEAD.length);
    if (idEnd < 0) return null;
    const id = message.slice(ENVELOPE_HEAD.length, idEnd);
    if (!isStreamId(id)) return null;
    const eventJson = message.slice(idEnd + ENVELOPE_EVENT.length, -1);
    const key = keyOf(eventJson);
    if (key === null) return null;
    const entry = this.current.get(key) ?? this.previous.get(key);
    if (entry?.json !== eventJson) return null;
    this.current.delete(key);
    this.previous.delete(key);
    return { id, event: entry.event };
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}
