import type { ApproverGroup, User } from '@acme/contracts';
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
import { GroupMembers } from './group-members';

export interface GroupListProps {
  groups: ApproverGroup[];
  byId: Map<string, User>;
  isHighlighted: (id: string) => boolean;
  isSelected: (id: string) => boolean;
}

const columns: readonly Column[] = [
  { label: 'Group', width: 'w-[36%]' },
  { label: 'Members' },
  { label: 'Created by', width: 'w-44' },
  { label: 'Created', width: 'w-24' },
];

function GroupName({ group }: { group: ApproverGroup }) {
  return (
    <div className="min-w-0">
      <a
        href={hrefFor({ section: 'approver-groups', recordId: group.id })}
        className="block truncate rounded-sm font-medium text-fg hover:underline"
      >
        {group.name}
      </a>
      {group.description && (
        <p className="line-clamp-2 text-xs text-fg-muted">{group.description}</p>
      )}
    </div>
  );
}

function Created({ group, now }: { group: ApproverGroup; now: number }) {
  const created = new Date(group.createdAt);
  return (
    <time
      dateTime={group.createdAt}
      title={created.toLocaleString()}
      className="whitespace-nowrap text-fg-muted tabular-nums"
    >
      {formatRelativeTime(created, new Date(now))}
    </time>
  );
}

export function GroupTable({ groups, byId, isHighlighted, isSelected }: GroupListProps) {
  const now = useNow();
  return (
    <DataTable caption="Approver groups" columns={columns}>
      {groups.map((group) => (
        <tr
          key={group.id}
          {...recordProps(group.id, isHighlighted(group.id), isSelected(group.id))}
        >
          <td className={cn(cellClass, 'py-3')}>
            <GroupName group={group} />
          </td>
          <td className={cn(cellClass, 'py-3')}>
            <GroupMembers group={group} byId={byId} />
          </td>
          <td className={cn(cellClass, 'truncate text-fg-muted')}>
            {byId.get(group.createdById)?.name ?? '—'}
          </td>
          <td className={cellClass}>
            <Created group={group} now={now} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function GroupCards({ groups, byId, isHighlighted, isSelected }: GroupListProps) {
  const now = useNow();
  return (
    <ul aria-label="Approver groups" className="divide-y divide-line">
      {groups.map((group) => {
        const record = recordProps(group.id, isHighlighted(group.id), isSelected(group.id), 'card');
        return (
          <li
            key={group.id}
            {...record}
            className={cn(record.className, 'flex flex-col gap-3 px-4 py-3')}
          >
            <div className="flex items-start justify-between gap-4">
              <GroupName group={group} />
              <span className="shrink-0 text-xs">
                <Created group={group} now={now} />
              </span>
            </div>
            <GroupMembers group={group} byId={byId} />
          </li>
        );
      })}
    </ul>
  );
}

export function GroupListSkeleton({ wide }: { wide: boolean }) {
  const avatars = (
    <span className="flex items-center gap-4">
      <SkeletonPerson flush />
      <SkeletonPerson flush />
    </span>
  );
  return (
    <LoadingRegion label="Loading approver groups">
      {wide ? (
        <DataTable caption="Approver groups" columns={columns}>
          {skeletonWidths.slice(0, 4).map((width, i) => (
            <tr key={i}>
              <td className={cellClass}>
                <SkeletonText className={width} />
              </td>
              <td className={cellClass}>{avatars}</td>
              <td className={cellClass}>
                <SkeletonText className="w-20" />
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
              {avatars}
            </li>
          ))}
        </ul>
      )}
    </LoadingRegion>
  );
}
