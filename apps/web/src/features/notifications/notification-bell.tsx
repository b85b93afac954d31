import { Bell } from 'lucide-react';
import { Button } from '../../components/ui/button';

/**
 * PLACEHOLDER for the notification center: the bell button in the header. It will carry the
 * unread badge (hidden at 0, "99+" above 99) and open the panel (popover on wide screens,
 * sheet on phones).
 */
export function NotificationBell() {
  return (
    <Button variant="ghost" size="icon" aria-label="Notifications">
      <Bell aria-hidden />
    </Button>
  );
}
