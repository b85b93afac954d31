import type { StreamItem } from '@acme/notifications';

/**
 * Encodes each item once per process, however many streams it goes to: the bus hands every
 * stream of a user the same item object, so 1,000 tabs cost one JSON.stringify and one UTF-8
 * encoding, and every socket is given the same Buffer. Items nobody else holds are simply
 * collected (a WeakMap).
 */
export function encodeOnce(
  encode: (item: StreamItem) => string | null,
): (item: StreamItem) => Buffer | null {
  const frames = new WeakMap<StreamItem, Buffer | null>();
  return (item) => {
    let frame = frames.get(item);
    if (frame === undefined) {
      const text = encode(item);
      frame = text === null ? null : Buffer.from(text);
      frames.set(item, frame);
    }
    return frame;
  };
}
