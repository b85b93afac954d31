import type { Notification } from '@acme/contracts';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';

function focusLink(container: HTMLElement | null, id: string): void {
  container
    ?.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(id)}"] [data-item-link]`)
    ?.focus();
}

/** Where a key moves focus from row `index` of `count`; null for keys that don't move it. */
export function rowAfterKey(key: string, index: number, count: number): number | null {
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = index + 1;
      break;
    case 'ArrowUp':
      next = index - 1;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return null;
  }
  return Math.max(0, Math.min(next, count - 1));
}

/**
 * Roving focus over the list's rows: only the active row's link is in the Tab order; arrow
 * keys, Home and End move between rows. `onPastEnd` hears ArrowDown on the last row.
 */
export function useRowFocus({
  items,
  listRef,
  panelRef,
  onPastEnd,
}: {
  items: Notification[];
  listRef: RefObject<HTMLElement | null>;
  /** Where focus goes when there is nothing to focus in the list. */
  panelRef: RefObject<HTMLElement | null>;
  onPastEnd: () => void;
}) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = useRef(0);
  const activeItem =
    items.find((item) => item.id === activeId) ??
    items[Math.min(activeIndex.current, items.length - 1)];

  // When the focused row disappears (read while showing Unread, marked all read), keep
  // keyboard focus in the list rather than letting it fall to the page.
  useLayoutEffect(() => {
    if (activeId === null || items.some((item) => item.id === activeId)) return;
    const focusLost = document.activeElement === document.body;
    const fallback = items[Math.min(activeIndex.current, items.length - 1)];
    setActiveId(fallback?.id ?? null);
    if (!focusLost) return;
    if (fallback) focusLink(listRef.current, fallback.id);
    else panelRef.current?.focus();
  }, [items, activeId, listRef, panelRef]);

  // The panel opened before its list loaded: focus the newest row once it's there.
  const firstId = items[0]?.id;
  useEffect(() => {
    if (firstId && document.activeElement === panelRef.current) {
      focusLink(listRef.current, firstId);
    }
  }, [firstId, listRef, panelRef]);

  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>) => {
    const links = Array.from(
      listRef.current?.querySelectorAll<HTMLElement>('[data-item-link]') ?? [],
    );
    const index = links.indexOf(event.currentTarget);
    const next = rowAfterKey(event.key, index, links.length);
    if (next === null) return;
    if (event.key === 'ArrowDown' && index + 1 >= links.length) onPastEnd();
    event.preventDefault();
    links[next]?.focus();
  };

  const onRowFocus = (notification: Notification) => {
    setActiveId(notification.id);
    activeIndex.current = items.indexOf(notification);
  };

  return { activeId: activeItem?.id, onRowFocus, onKeyDown };
}
