import type { Lead } from '@acme/contracts';
import { Briefcase } from 'lucide-react';
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
import { useCurrentUser } from '../auth/current-user';
import { usePeople } from '../tasks/use-people';
import { useRefreshOnNotification } from '../tasks/use-refresh-on-notification';
import { LeadCards, LeadListSkeleton, LeadTable } from './lead-list';
import { NewLeadDialog } from './new-lead-dialog';

export function LeadsPage() {
  const me = useCurrentUser();
  const route = useRoute();
  const routeId = route.section === 'leads' ? route.recordId : null;
  const people = usePeople();
  const utils = trpc.useUtils();
  const query = trpc.leads.list.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const { items: leads, missing } = usePagedRecords(query, routeId);
  const highlight = useRecordHighlight(
    routeId,
    useMemo(() => leads.map((l) => l.id), [leads]),
  );
  const wide = useMediaQuery('(min-width: 56rem)');
  const manager = me.role === 'manager';
  // Only managers assign leads, and only to sales staff: the picker offers nobody else.
  const salesStaff = useMemo(
    () => (manager ? people.people.filter((p) => p.role === 'sales') : null),
    [manager, people.people],
  );

  useRefreshOnNotification(() => {
    void utils.leads.list.invalidate();
  });

  const onSaved = (lead: Lead) => {
    highlight.flash(lead.id);
  };
  const listProps = { leads, people, salesStaff, onSaved, ...highlight };

  return (
    <>
      <PageHeader
        title="Leads"
        description={
          manager
            ? 'Prospects and the sales staff following them up.'
            : 'Leads you added and leads assigned to you.'
        }
        actions={<NewLeadDialog onCreated={onSaved} />}
      />
      {missing && (
        <MissingRecord
          actionLabel="Dismiss"
          onAction={() => {
            navigate({ section: 'leads' });
          }}
        >
          That lead isn&apos;t in your list. It may have been reassigned.
        </MissingRecord>
      )}
      <Card className="overflow-hidden">
        <PagedList
          query={query}
          skeleton={<LeadListSkeleton wide={wide} />}
          errorTitle="Couldn't load leads"
          isEmpty={leads.length === 0}
          empty={
            <EmptyState
              icon={Briefcase}
              title="No leads yet"
              action={<NewLeadDialog onCreated={onSaved} label="Add a lead" variant="secondary" />}
            >
              {manager
                ? 'Leads show up here with their company and value. Assign each to someone in sales, who is notified right away.'
                : 'Leads you add, and leads a manager assigns to you, show up here.'}
            </EmptyState>
          }
        >
          {wide ? <LeadTable {...listProps} /> : <LeadCards {...listProps} />}
        </PagedList>
      </Card>
    </>
  );
}
