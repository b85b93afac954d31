import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createHeartbeat } from '../src/sse/heartbeat';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

it('beats every connection once per interval, spread over the interval', () => {
  const heartbeat = createHeartbeat(10_000);
  const beats = Array.from({ length: 100 }, () => 0);
  const stops = beats.map((_, i) => heartbeat.add(() => (beats[i] = (beats[i] ?? 0) + 1)));

  vi.advanceTimersByTime(25);
  // One slice, not everyone at once.
  expect(beats.filter((n) => n === 1)).toHaveLength(1);
  vi.advanceTimersByTime(9_975);
  expect(beats.every((n) => n === 1)).toBe(true);
  vi.advanceTimersByTime(10_000);
  expect(beats.every((n) => n === 2)).toBe(true);

  stops[0]?.();
  vi.advanceTimersByTime(10_000);
  expect(beats[0]).toBe(2);
  expect(beats[1]).toBe(3);
});

it('stops its timer when the last connection leaves', () => {
  const heartbeat = createHeartbeat(1_000);
  const stop = heartbeat.add(() => undefined);
  expect(vi.getTimerCount()).toBe(1);
  stop();
  expect(vi.getTimerCount()).toBe(0);
});
