import type { Lead, User } from '@acme/contracts';
import {
  cellClass,
  SkeletonPerson,
  SkeletonText,
  type Column,
} from '../../components/ui/data-table';
import { CreatedAt, RecordName } from '../../components/ui/record-cells';
import { RecordList, RecordListSkeleton } from '../../components/ui/record-list';
import { cn } from '../../lib/cn';
import { useNow } from '../../lib/use-now';
import type { People } from '../tasks/use-people';
import { AssignLeadSelect, LeadAssignee, LeadContact, LeadValue } from './lead-cells';

export interface LeadListProps {
  leads: Lead[];
  people: People;
  /** Set for managers: the people a lead may be assigned to. Others see the assignee only. */
  salesStaff: User[] | null;
  isHighlighted: (id: string) => boolean;
  isSelected: (id: string) => boolean;
  onSaved: (lead: Lead) => void;
}

const columns: readonly Column[] = [
  { label: 'Lead' },
  { label: 'Company', width: 'w-44' },
  { label: 'Value', width: 'w-28', align: 'right' },
  { label: 'Source', width: 'w-32' },
  { label: 'Assignee', width: 'w-48', inset: true },
  { label: 'Added', width: 'w-24' },
];

function LeadName({ lead }: { lead: Lead }) {
  return (
    <RecordName section="leads" id={lead.id} name={lead.name}>
      <LeadContact lead={lead} />
    </RecordName>
  );
}

function Assignee({ lead, props }: { lead: Lead; props: LeadListProps }) {
  return props.salesStaff ? (
    <AssignLeadSelect
      lead={lead}
      salesStaff={props.salesStaff}
      byId={props.people.byId}
      onSaved={props.onSaved}
    />
  ) : (
    <LeadAssignee lead={lead} byId={props.people.byId} />
  );
}

/** The leads, in a table on wide screens or a card each on phones. */
export function LeadList(props: LeadListProps) {
  const now = useNow();
  return (
    <RecordList
      name="Leads"
      columns={columns}
      records={props.leads}
      isHighlighted={props.isHighlighted}
      isSelected={props.isSelected}
      row={(lead) => (
        <>
          <td className={cellClass}>
            <LeadName lead={lead} />
          </td>
          <td className={cn(cellClass, 'truncate text-fg-muted')}>{lead.company ?? '—'}</td>
          <td className={cn(cellClass, 'pr-6 text-right')}>
            <LeadValue lead={lead} />
          </td>
          <td className={cn(cellClass, 'truncate text-fg-muted')}>{lead.source ?? '—'}</td>
          <td className={cellClass}>
            <Assignee lead={lead} props={props} />
          </td>
          <td className={cellClass}>
            <CreatedAt at={lead.createdAt} now={now} />
          </td>
        </>
      )}
      card={(lead) => <LeadCard lead={lead} props={props} now={now} />}
    />
  );
}

function LeadCard({ lead, props, now }: { lead: Lead; props: LeadListProps; now: number }) {
  const details = [lead.company, lead.source].filter(Boolean).join(' · ');
  return (
    <>
      <div className="flex items-start justify-between gap-4">
        <LeadName lead={lead} />
        <LeadValue lead={lead} />
      </div>
      {details && <p className="truncate text-fg-muted">{details}</p>}
      <div className="-mx-2 flex items-center justify-between gap-2">
        <Assignee lead={lead} props={props} />
        <span className="px-2 text-xs">
          <CreatedAt at={lead.createdAt} now={now} />
        </span>
      </div>
    </>
  );
}

export function LeadListSkeleton() {
  return (
    <RecordListSkeleton
      name="Leads"
      columns={columns}
      row={(width) => [
        <SkeletonText className={width} />,
        <SkeletonText className="w-24" />,
        <SkeletonText className="ml-auto w-14" />,
        <SkeletonText className="w-16" />,
        <SkeletonPerson />,
        <SkeletonText className="w-12" />,
      ]}
      card={(width) => (
        <>
          <SkeletonText className={width} />
          <SkeletonText className="w-32" />
          <span className="-mx-2">
            <SkeletonPerson />
          </span>
        </>
      )}
    />
  );
}
