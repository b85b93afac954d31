import type { ApproverGroup } from '@acme/contracts';
import { UsersRound } from 'lucide-react';
import { useMemo } from 'react';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { MissingRecord } from '../../components/ui/missing-record';
import { Card } from '../../components/ui/card';
import { PagedList } from '../../components/ui/paged-list';
import { useRecordHighlight } from '../../components/ui/use-record-highlight';
import { usePagedRecords } from '../../components/ui/use-seek-record';
import { navigate, useRoute } from '../../lib/router';
import { trpc } from '../../lib/trpc';
import { useMediaQuery } from '../../lib/use-media-query';
import { usePeople } from '../tasks/use-people';
import { useRefreshOnNotification } from '../tasks/use-refresh-on-notification';
import { GroupCards, GroupListSkeleton, GroupTable } from './group-list';
import { NewGroupDialog } from './new-group-dialog';

export function ApproverGroupsPage() {
  const route = useRoute();
  const routeId = route.section === 'approver-groups' ? route.recordId : null;
  const people = usePeople();
  const utils = trpc.useUtils();
  const query = trpc.approverGroups.list.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const { items: groups, missing } = usePagedRecords(query, routeId);
  const highlight = useRecordHighlight(
    routeId,
    useMemo(() => groups.map((g) => g.id), [groups]),
  );
  const wide = useMediaQuery('(min-width: 56rem)');

  // Being added to a group arrives as a notification: the group joins this list.
  useRefreshOnNotification(() => {
    void utils.approverGroups.list.invalidate();
  });

  const onCreated = (group: ApproverGroup) => {
    highlight.flash(group.id);
  };
  const listProps = { groups, byId: people.byId, ...highlight };

  return (
    <>
      <PageHeader
        title="Approver groups"
        description="The people who sign off on work, grouped by what they approve."
        actions={<NewGroupDialog people={people} onCreated={onCreated} />}
      />
      {missing && (
        <MissingRecord
          actionLabel="Dismiss"
          onAction={() => {
            navigate({ section: 'approver-groups' });
          }}
        >
          That group isn&apos;t in your list.
        </MissingRecord>
      )}
      <Card className="overflow-hidden">
        <PagedList
          query={query}
          skeleton={<GroupListSkeleton wide={wide} />}
          errorTitle="Couldn't load approver groups"
          isEmpty={groups.length === 0}
          empty={
            <EmptyState
              icon={UsersRound}
              title="No approver groups yet"
              action={
                <NewGroupDialog
                  people={people}
                  onCreated={onCreated}
                  label="Create a group"
                  variant="secondary"
                />
              }
            >
              Group the people who sign off on work. When a group is created, each of its members is
              notified.
            </EmptyState>
          }
        >
          {wide ? <GroupTable {...listProps} /> : <GroupCards {...listProps} />}
        </PagedList>
      </Card>
    </>
  );
}
