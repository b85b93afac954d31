import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createHeartbeat } from '../src/sse/heartbeat';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

it('beats every connection once per interval, spread over it, never right after joining', () => {
  const heartbeat = createHeartbeat(10_000);
  const beats = Array.from({ length: 400 }, () => 0);
  const stops = beats.map((_, i) => heartbeat.add(() => (beats[i] = (beats[i] ?? 0) + 1)));

  vi.advanceTimersByTime(4_999);
  expect(beats.every((n) => n === 0)).toBe(true);
  vi.advanceTimersByTime(25);
  // One slice at a time, not everyone at once.
  expect(beats.filter((n) => n === 1)).toHaveLength(1);
  // Every connection's first beat comes within one and a half intervals...
  vi.advanceTimersByTime(10_000);
  expect(beats.every((n) => n >= 1)).toBe(true);
  // ...and then exactly one per interval.
  const before = [...beats];
  vi.advanceTimersByTime(10_000);
  expect(beats.every((n, i) => n - (before[i] ?? 0) === 1)).toBe(true);

  for (const stop of stops.slice(0, 200)) stop();
  const stopped = [...beats];
  vi.advanceTimersByTime(10_000);
  expect(beats.slice(0, 200)).toEqual(stopped.slice(0, 200));
  expect(beats.slice(200).every((n, i) => n - (stopped[200 + i] ?? 0) === 1)).toBe(true);
});

it('stops its timer when the last connection leaves', () => {
  const heartbeat = createHeartbeat(1_000);
  const stop = heartbeat.add(() => undefined);
  expect(vi.getTimerCount()).toBe(1);
  stop();
  expect(vi.getTimerCount()).toBe(0);
});
