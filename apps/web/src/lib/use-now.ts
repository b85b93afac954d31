import { useSyncExternalStore } from 'react';

/**
 * One shared clock per interval, so fifty relative timestamps re-render together on one
 * timer instead of fifty. It only runs while something is subscribed.
 */
interface Clock {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
}

const clocks = new Map<number, Clock>();

function clockFor(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    clock = { now: Date.now(), listeners: new Set(), timer: null };
    clocks.set(intervalMs, clock);
  }
  return clock;
}

function subscribeTo(intervalMs: number) {
  return (onChange: () => void) => {
    const clock = clockFor(intervalMs);
    clock.listeners.add(onChange);
    if (clock.timer === null) {
      clock.now = Date.now();
      clock.timer = setInterval(() => {
        clock.now = Date.now();
        for (const listener of clock.listeners) listener();
      }, intervalMs);
    }
    return () => {
      clock.listeners.delete(onChange);
      if (clock.listeners.size === 0 && clock.timer !== null) {
        clearInterval(clock.timer);
        clock.timer = null;
      }
    };
  };
}

const subscribers = new Map<number, (onChange: () => void) => () => void>();

/** The current time in ms, refreshed every `intervalMs`. */
export function useNow(intervalMs = 30_000): number {
  let subscribe = subscribers.get(intervalMs);
  if (!subscribe) {
    subscribe = subscribeTo(intervalMs);
    subscribers.set(intervalMs, subscribe);
  }
  return useSyncExternalStore(subscribe, () => clockFor(intervalMs).now);
}
