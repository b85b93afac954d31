import { useSyncExternalStore } from 'react';

/**
 * Opt-in desktop notifications, remembered per browser. Used only while the tab is hidden
 * (a visible tab has its toast) and only by the tab holding the stream, so eight open tabs
 * raise one notification, not eight.
 */

const STORAGE_KEY = 'acme:desktop-notifications';
const listeners = new Set<() => void>();

export type DesktopPermission = NotificationPermission | 'unsupported';

function isSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function permission(): DesktopPermission {
  return isSupported() ? window.Notification.permission : 'unsupported';
}

function readOptIn(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

function writeOptIn(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(STORAGE_KEY, 'on');
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be unavailable (private mode quotas): the choice lasts for this page.
  }
  for (const listener of listeners) listener();
}

export function desktopNotificationsEnabled(): boolean {
  return readOptIn() && permission() === 'granted';
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  // Another tab changed the choice.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

type DesktopState = 'unsupported' | 'blocked' | 'on' | 'off';

function currentState(): DesktopState {
  const current = permission();
  if (current === 'unsupported') return 'unsupported';
  if (current === 'denied') return 'blocked';
  return current === 'granted' && readOptIn() ? 'on' : 'off';
}

export function useDesktopNotifications() {
  const state = useSyncExternalStore(subscribe, currentState);
  return {
    state,
    /** Asks the browser (a prompt the first time) and remembers the answer. */
    async enable(): Promise<DesktopState> {
      if (!isSupported()) return 'unsupported';
      const answer = await window.Notification.requestPermission();
      writeOptIn(answer === 'granted');
      return currentState();
    },
    disable(): void {
      writeOptIn(false);
    },
  };
}

export function showDesktopNotification(opts: {
  tag: string;
  title: string;
  body: string;
  onClick: () => void;
}): void {
  if (!desktopNotificationsEnabled()) return;
  try {
    const notification = new window.Notification(opts.title, { body: opts.body, tag: opts.tag });
    notification.onclick = () => {
      window.focus();
      opts.onClick();
      notification.close();
    };
  } catch {
    // Some browsers (Android Chrome) only allow notifications from a service worker.
  }
}
