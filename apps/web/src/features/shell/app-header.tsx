import { Logo } from '../../components/logo';
import { hrefFor, type PageId } from '../../lib/router';
import { ConnectionStatus } from '../notifications/connection-status';
import { NotificationBell } from '../notifications/notification-bell';
import { SectionNav } from './section-nav';
import { UserMenu } from './user-menu';

/**
 * Mark, section links, then status + bell + user menu on the right. On phones the links wrap to
 * a second, scrollable row so nothing hides behind a menu button.
 */
export function AppHeader({ section }: { section: PageId }) {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 px-4 sm:flex-nowrap sm:px-6">
        <a
          href={hrefFor({ section: 'tasks' })}
          aria-label="Acme Ops home"
          className="flex h-14 items-center rounded-sm"
        >
          <Logo />
        </a>
        <SectionNav
          current={section}
          className="order-last -mx-4 w-[calc(100%+2rem)] border-t border-line px-3 py-2 sm:order-none sm:mx-0 sm:w-auto sm:border-0 sm:p-0"
        />
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <ConnectionStatus />
          <NotificationBell />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
