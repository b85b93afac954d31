import { randomUUID } from 'node:crypto';
import {
  AppError,
  approverGroupSchema,
  type ApproverGroup,
  type createApproverGroupInputSchema,
  type listApproverGroupsInputSchema,
  type NewNotification,
  type User,
} from '@acme/contracts';
import type { z } from 'zod';
import { applyThen } from './records/consistency';
import { nowIso, type DomainDeps } from './deps';
import { expectCreated } from './errors';
import { domainKeys as k } from './records/keys';
import { readVisiblePage, type Page } from './records/pages';
import { transitionOf } from './records/store';

/** How many unknown member ids an error message names before summarising. */
const NAMED_IN_ERROR = 20;
/**
 * Member ids carried by each notification's group snapshot. Every member gets a copy, so a
 * full list would grow as members squared (1,000 members: 40 MB); metadata has the count.
 */
export const SNAPSHOT_MEMBER_IDS = 50;

export function canSeeGroup(user: User, group: ApproverGroup): boolean {
  return (
    user.role === 'manager' || group.createdById === user.id || group.memberIds.includes(user.id)
  );
}

/** The creator hears the seed's confirmation; every other member that they were added. */
export function groupCreatedNotifications(group: ApproverGroup, creatorName: string) {
  const snapshot = { ...group, memberIds: group.memberIds.slice(0, SNAPSHOT_MEMBER_IDS) };
  // Everyone's carries the creator as actor, their own too ("You created …").
  const actor = { id: group.createdById, name: creatorName };
  const content = (title: string, message: string): NewNotification => ({
    type: 'approver_group_created',
    actor,
    title,
    message,
    metadata: { group_name: group.name, member_count: group.memberIds.length },
    approverGroup: snapshot,
  });
  const added = content(
    `Added to Approver Group: ${group.name}`,
    `You were added to the approver group "${group.name}".`,
  );
  return [
    {
      userId: group.createdById,
      input: content('Approver Group Created', 'New approver group created successfully.'),
    },
    ...group.memberIds
      .filter((id) => id !== group.createdById)
      // One content object for all members: the store validates and serialises it once.
      .map((userId) => ({ userId, input: added })),
  ];
}

function groupIndexes(group: ApproverGroup): string[] {
  const viewers = new Set([group.createdById, ...group.memberIds]);
  return [k.groupsAll, ...[...viewers].map((id) => k.groupsVisibleTo(id))];
}

function unknownMembers(ids: string[]): AppError {
  const named = ids.slice(0, NAMED_IN_ERROR).join(', ');
  const more = ids.length > NAMED_IN_ERROR ? ` and ${ids.length - NAMED_IN_ERROR} more` : '';
  return new AppError('BAD_REQUEST', `Unknown member ids: ${named}${more}`);
}

export function createApproverGroupService(deps: DomainDeps) {
  const { store, users, notifications } = deps;

  return {
    async create(
      actor: User,
      input: z.output<typeof createApproverGroupInputSchema>,
    ): Promise<ApproverGroup> {
      const memberIds = [...new Set(input.memberIds)];
      const found = await users.existing(memberIds);
      const missing = memberIds.filter((id) => !found.has(id));
      if (missing.length > 0) throw unknownMembers(missing);

      const group: ApproverGroup = {
        id: randomUUID(),
        name: input.name,
        description: input.description ?? null,
        memberIds,
        createdById: actor.id,
        createdAt: nowIso(),
      };
      const transition = {
        ...transitionOf(k.group, groupIndexes, null, group),
        // The name is claimed in the same script as the write: no orphan claim can remain.
        claim: { key: k.groupName(group.name), value: group.id },
      };
      const result = await applyThen(store, transition, () =>
        notifications.createMany(groupCreatedNotifications(group, actor.name)),
      );
      if (result === 'claimed') {
        throw new AppError('CONFLICT', `An approver group named "${group.name}" already exists`);
      }
      expectCreated(result, 'Approver group', group.id);
      return group;
    },

    list(
      actor: User,
      input: z.output<typeof listApproverGroupsInputSchema>,
    ): Promise<Page<ApproverGroup>> {
      return readVisiblePage(store, actor, {
        all: k.groupsAll,
        visibleTo: k.groupsVisibleTo,
        recordKey: k.group,
        schema: approverGroupSchema,
        input,
        canSee: canSeeGroup,
      });
    },
  };
}

export type ApproverGroupService = ReturnType<typeof createApproverGroupService>;
