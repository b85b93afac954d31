/**
 * One timer for all plain-SSE connections that share an interval, instead of one per
 * connection: idle streams then cost a Set entry, not a timer each.
 */
export function createHeartbeat(intervalMs: number) {
  const beats = new Set<() => void>();
  let timer: NodeJS.Timeout | null = null;
  return {
    add(beat: () => void): () => void {
      beats.add(beat);
      timer ??= setInterval(() => {
        for (const b of beats) b();
      }, intervalMs).unref();
      return () => {
        beats.delete(beat);
        if (beats.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}
