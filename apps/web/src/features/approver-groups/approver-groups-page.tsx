import { UsersRound } from 'lucide-react';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { MissingRecord } from '../../components/ui/missing-record';
import { PagedListCard } from '../../components/ui/paged-list-card';
import { useRecordList } from '../../components/ui/use-record-list';
import { trpc } from '../../lib/trpc';
import { usePeople } from '../tasks/use-people';
import { useRefreshOnNotification } from '../tasks/use-refresh-on-notification';
import { GroupList, GroupListSkeleton } from './group-list';
import { NewGroupDialog } from './new-group-dialog';

/** No groups yet: what a group is for; `children` creates one. */
function NoGroups({ children }: { children: ReactNode }) {
  return (
    <EmptyState icon={UsersRound} title="No approver groups yet" action={children}>
      Group the people who sign off on work. When a group is created, each of its members is
      notified.
    </EmptyState>
  );
}

export function ApproverGroupsPage() {
  const people = usePeople();
  const utils = trpc.useUtils();
  const query = trpc.approverGroups.list.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const {
    records: groups,
    missing,
    highlight,
    flashRecord,
  } = useRecordList('approver-groups', query);

  // Being added to a group arrives as a notification: the group joins this list.
  useRefreshOnNotification(() => {
    void utils.approverGroups.list.invalidate();
  });

  return (
    <>
      <PageHeader
        title="Approver groups"
        description="The people who sign off on work, grouped by what they approve."
        actions={<NewGroupDialog people={people} onCreated={flashRecord} />}
      />
      {missing && (
        <MissingRecord section="approver-groups">That group isn&apos;t in your list.</MissingRecord>
      )}
      <PagedListCard
        name="Approver groups"
        query={query}
        skeleton={<GroupListSkeleton />}
        isEmpty={groups.length === 0}
        empty={
          <NoGroups>
            <NewGroupDialog
              people={people}
              onCreated={flashRecord}
              label="Create a group"
              variant="secondary"
            />
          </NoGroups>
        }
      >
        <GroupList groups={groups} byId={people.byId} {...highlight} />
      </PagedListCard>
    </>
  );
}
