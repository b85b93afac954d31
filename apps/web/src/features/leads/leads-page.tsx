import { Briefcase } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { MissingRecord } from '../../components/ui/missing-record';
import { PagedListCard } from '../../components/ui/paged-list-card';
import { useRecordList } from '../../components/ui/use-record-list';
import { trpc } from '../../lib/trpc';
import { useCurrentUser } from '../auth/current-user';
import { usePeople } from '../tasks/use-people';
import { LeadList, LeadListSkeleton } from './lead-list';
import { NewLeadDialog } from './new-lead-dialog';

/** No leads yet: what will show up here, for a manager or for sales; `children` adds one. */
function NoLeads({ manager, children }: { manager: boolean; children: ReactNode }) {
  return (
    <EmptyState icon={Briefcase} title="No leads yet" action={children}>
      {manager
        ? 'Leads show up here with their company and value. Assign each to someone in sales, who is notified right away.'
        : 'Leads you add, and leads a manager assigns to you, show up here.'}
    </EmptyState>
  );
}

export function LeadsPage() {
  const me = useCurrentUser();
  const people = usePeople();
  const query = trpc.leads.list.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const { records: leads, missing, highlight, flashRecord } = useRecordList('leads', query);
  const manager = me.role === 'manager';
  // Only managers assign leads, and only to sales staff: the picker offers nobody else.
  const salesStaff = useMemo(
    () => (manager ? people.people.filter((p) => p.role === 'sales') : null),
    [manager, people.people],
  );

  return (
    <>
      <PageHeader
        title="Leads"
        description={
          manager
            ? 'Prospects and the sales staff following them up.'
            : 'Leads you added and leads assigned to you.'
        }
        actions={<NewLeadDialog onCreated={flashRecord} />}
      />
      {missing && (
        <MissingRecord section="leads">
          That lead isn&apos;t in your list. It may have been reassigned.
        </MissingRecord>
      )}
      <PagedListCard
        name="Leads"
        query={query}
        skeleton={<LeadListSkeleton />}
        isEmpty={leads.length === 0}
        empty={
          <NoLeads manager={manager}>
            <NewLeadDialog onCreated={flashRecord} label="Add a lead" variant="secondary" />
          </NoLeads>
        }
      >
        <LeadList
          leads={leads}
          people={people}
          salesStaff={salesStaff}
          onSaved={flashRecord}
          {...highlight}
        />
      </PagedListCard>
    </>
  );
}
