import { BellRing } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { useDesktopNotifications } from '../notifications/desktop-notifications';

/** The Desktop column only matters once this browser allows desktop notifications. */
export function DesktopPermissionNote() {
  const desktop = useDesktopNotifications();
  if (desktop.state === 'on' || desktop.state === 'unsupported') return null;
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-line bg-surface px-4 py-3 text-sm">
      <BellRing aria-hidden className="size-4 shrink-0 text-fg-muted" />
      <p className="min-w-0 flex-1 text-fg-muted">
        {desktop.state === 'blocked'
          ? 'This browser blocks desktop notifications: allow them in its site settings.'
          : 'Desktop notifications are off in this browser.'}
      </p>
      {desktop.state === 'off' && (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            void desktop.enable();
          }}
        >
          Turn on
        </Button>
      )}
    </div>
  );
}
