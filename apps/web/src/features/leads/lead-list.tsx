import type { Lead, User } from '@acme/contracts';
import {
  cellClass,
  DataTable,
  LoadingRegion,
  recordProps,
  SkeletonPerson,
  SkeletonText,
  skeletonWidths,
  type Column,
} from '../../components/ui/data-table';
import { cn } from '../../lib/cn';
import { hrefFor } from '../../lib/router';
import { useNow } from '../../lib/use-now';
import { formatRelativeTime } from '../notifications/format-time';
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
    <div className="min-w-0">
      <a
        href={hrefFor({ section: 'leads', recordId: lead.id })}
        className="block truncate rounded-sm font-medium text-fg hover:underline"
      >
        {lead.name}
      </a>
      <LeadContact lead={lead} />
    </div>
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

function Added({ lead, now }: { lead: Lead; now: number }) {
  const created = new Date(lead.createdAt);
  return (
    <time
      dateTime={lead.createdAt}
      title={created.toLocaleString()}
      className="whitespace-nowrap text-fg-muted tabular-nums"
    >
      {formatRelativeTime(created, new Date(now))}
    </time>
  );
}

export function LeadTable(props: LeadListProps) {
  const { leads, isHighlighted, isSelected } = props;
  const now = useNow();
  return (
    <DataTable caption="Leads" columns={columns}>
      {leads.map((lead) => (
        <tr key={lead.id} {...recordProps(lead.id, isHighlighted(lead.id), isSelected(lead.id))}>
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
            <Added lead={lead} now={now} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function LeadCards(props: LeadListProps) {
  const { leads, isHighlighted, isSelected } = props;
  const now = useNow();
  return (
    <ul aria-label="Leads" className="divide-y divide-line">
      {leads.map((lead) => {
        const record = recordProps(lead.id, isHighlighted(lead.id), isSelected(lead.id), 'card');
        const details = [lead.company, lead.source].filter(Boolean).join(' · ');
        return (
          <li
            key={lead.id}
            {...record}
            className={cn(record.className, 'flex flex-col gap-2 px-4 py-3')}
          >
            <div className="flex items-start justify-between gap-4">
              <LeadName lead={lead} />
              <LeadValue lead={lead} />
            </div>
            {details && <p className="truncate text-fg-muted">{details}</p>}
            <div className="-mx-2 flex items-center justify-between gap-2">
              <Assignee lead={lead} props={props} />
              <span className="px-2 text-xs">
                <Added lead={lead} now={now} />
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function LeadListSkeleton({ wide }: { wide: boolean }) {
  return (
    <LoadingRegion label="Loading leads">
      {wide ? (
        <DataTable caption="Leads" columns={columns}>
          {skeletonWidths.map((width, i) => (
            <tr key={i}>
              <td className={cellClass}>
                <SkeletonText className={width} />
              </td>
              <td className={cellClass}>
                <SkeletonText className="w-24" />
              </td>
              <td className={cellClass}>
                <SkeletonText className="ml-auto w-14" />
              </td>
              <td className={cellClass}>
                <SkeletonText className="w-16" />
              </td>
              <td className={cellClass}>
                <SkeletonPerson />
              </td>
              <td className={cellClass}>
                <SkeletonText className="w-12" />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <ul className="divide-y divide-line">
          {skeletonWidths.slice(0, 4).map((width, i) => (
            <li key={i} className="flex flex-col gap-4 p-4">
              <SkeletonText className={width} />
              <SkeletonText className="w-32" />
              <span className="-mx-2">
                <SkeletonPerson />
              </span>
            </li>
          ))}
        </ul>
      )}
    </LoadingRegion>
  );
}
