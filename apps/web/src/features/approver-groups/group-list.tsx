import type { ApproverGroup, User } from '@acme/contracts';
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
    <RecordName section="approver-groups" id={group.id} name={group.name}>
      {group.description && (
        <p className="line-clamp-2 text-xs text-fg-muted">{group.description}</p>
      )}
    </RecordName>
  );
}

/** The groups with their members, in a table on wide screens or a card each on phones. */
export function GroupList({ groups, byId, isHighlighted, isSelected }: GroupListProps) {
  const now = useNow();
  return (
    <RecordList
      name="Approver groups"
      columns={columns}
      records={groups}
      isHighlighted={isHighlighted}
      isSelected={isSelected}
      row={(group) => (
        <>
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
            <CreatedAt at={group.createdAt} now={now} />
          </td>
        </>
      )}
      cardGap="gap-3"
      card={(group) => (
        <>
          <div className="flex items-start justify-between gap-4">
            <GroupName group={group} />
            <span className="shrink-0 text-xs">
              <CreatedAt at={group.createdAt} now={now} />
            </span>
          </div>
          <GroupMembers group={group} byId={byId} />
        </>
      )}
    />
  );
}

export function GroupListSkeleton() {
  const avatars = (
    <span className="flex items-center gap-4">
      <SkeletonPerson flush />
      <SkeletonPerson flush />
    </span>
  );
  return (
    <RecordListSkeleton
      name="Approver groups"
      columns={columns}
      rows={4}
      row={(width) => [
        <SkeletonText className={width} />,
        avatars,
        <SkeletonText className="w-20" />,
        <SkeletonText className="w-12" />,
      ]}
      card={(width) => (
        <>
          <SkeletonText className={width} />
          {avatars}
        </>
      )}
    />
  );
}
