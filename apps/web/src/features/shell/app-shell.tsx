import { useEffect, useRef } from 'react';
import { hrefFor, useRoute, type PageId } from '../../lib/router';
import { ApproverGroupsPage } from '../approver-groups/approver-groups-page';
import { LeadsPage } from '../leads/leads-page';
import { NotificationSettingsPage } from '../settings/notification-settings-page';
import { TasksPage } from '../tasks/tasks-page';
import { AppHeader } from './app-header';

function SectionPage({ section }: { section: PageId }) {
  switch (section) {
    case 'tasks':
      return <TasksPage />;
    case 'leads':
      return <LeadsPage />;
    case 'approver-groups':
      return <ApproverGroupsPage />;
    case 'settings':
      return <NotificationSettingsPage />;
  }
}

export function AppShell() {
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const shownSection = useRef(route.section);
  const canonicalHash = hrefFor(route);

  useEffect(() => {
    // Show the canonical address for whatever was typed (or nothing at all).
    if (window.location.hash !== canonicalHash) {
      window.history.replaceState(null, '', canonicalHash);
    }
  }, [canonicalHash]);

  useEffect(() => {
    // After in-app navigation, move focus to the new page's heading so it is announced.
    if (shownSection.current === route.section) return;
    shownSection.current = route.section;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route.section]);

  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader section={route.section} />
      <main ref={mainRef} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
        <SectionPage section={route.section} />
      </main>
    </div>
  );
}
