/**
 * The popover is portalled to the end of the page, so the browser's Tab order would leave
 * its last control for the body. These put it where it sits visually: after the bell.
 */
import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const candidates =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

function tabbables(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(candidates)).filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
}

/** The page's next Tab stop after `anchor`, outside `panel`. */
function nextAfter(anchor: HTMLElement, panel: HTMLElement): HTMLElement | undefined {
  return tabbables(document).find(
    (el) =>
      !panel.contains(el) &&
      el !== anchor &&
      Boolean(anchor.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
}

export function usePanelTabOrder({
  open,
  bellRef,
  panelRef,
}: {
  open: boolean;
  bellRef: RefObject<HTMLElement | null>;
  panelRef: RefObject<HTMLElement | null>;
}) {
  // Shift+Tab from the control after the bell goes back into the panel, to its last control.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const bell = bellRef.current;
      const panel = panelRef.current;
      if (event.key !== 'Tab' || !event.shiftKey || !bell || !panel) return;
      if (document.activeElement !== nextAfter(bell, panel)) return;
      const last = tabbables(panel).at(-1);
      if (!last) return;
      event.preventDefault();
      last.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, bellRef, panelRef]);

  /** On the panel: Tab from its last control goes on to the page after the bell. */
  return (event: KeyboardEvent<HTMLElement>) => {
    const bell = bellRef.current;
    const panel = panelRef.current;
    if (event.key !== 'Tab' || event.shiftKey || !bell || !panel) return;
    if (document.activeElement !== tabbables(panel).at(-1)) return;
    const next = nextAfter(bell, panel);
    if (!next) return;
    event.preventDefault();
    next.focus();
  };
}
