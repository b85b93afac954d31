import type { ApproverGroup, User } from '@acme/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainKeys, expectTRPCError } from '../../test/assertions';
import { SNAPSHOT_MEMBER_IDS } from '@acme/domain';
import { startHarness, type Harness } from '../../test/harness';
import { openInbox } from '../../test/inbox';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const notificationsOf = async (user: User) => (await h.as(user).notifications.list({})).items;
const groupKeys = () => domainKeys(h.redis, '{domain}:group:*');

function addedNotice(group: ApproverGroup, userId: string) {
  return {
    type: 'approver_group_created',
    userId,
    title: `Added to Approver Group: ${group.name}`,
    message: `You were added to the approver group "${group.name}".`,
    metadata: { group_name: group.name, member_count: group.memberIds.length },
    approverGroup: { ...group, memberIds: group.memberIds.slice(0, SNAPSHOT_MEMBER_IDS) },
  };
}

describe('approverGroups.create', () => {
  it('tells the creator it was created and each other member they were added', async () => {
    const creator = await h.newUser('manager');
    const ana = await h.newUser('approver');
    const ben = await h.newUser('member');
    const outsider = await h.newUser('approver');
    const inboxes = await Promise.all([creator, ana, ben].map((u) => openInbox(h, u)));
    const group = await h.as(creator).approverGroups.create({
      name: 'Finance approvers',
      description: 'Sign-off above 10k',
      memberIds: [ana.id, ben.id, creator.id, ana.id],
    });
    expect(group).toMatchObject({
      name: 'Finance approvers',
      description: 'Sign-off above 10k',
      memberIds: [ana.id, ben.id, creator.id],
      createdById: creator.id,
    });

    const [creatorInbox, anaInbox, benInbox] = inboxes;
    expect(await creatorInbox?.waitFor(() => true)).toMatchObject({
      type: 'approver_group_created',
      userId: creator.id,
      title: 'Approver Group Created',
      message: 'New approver group created successfully.',
      approverGroup: group,
    });
    expect(await anaInbox?.waitFor(() => true)).toMatchObject(addedNotice(group, ana.id));
    expect(await benInbox?.waitFor(() => true)).toMatchObject(addedNotice(group, ben.id));
    for (const user of [creator, ana, ben]) expect(await notificationsOf(user)).toHaveLength(1);
    expect(await notificationsOf(outsider)).toEqual([]);
    await Promise.all(inboxes.map((inbox) => inbox.close()));
  });

  it('notifies 1,000 members', async () => {
    const creator = await h.newUser('manager');
    const members = await h.seedUsers(1000, 'approver');
    const group = await h.as(creator).approverGroups.create({
      name: 'Everyone',
      memberIds: members.map((m) => m.id),
    });
    const counts = await Promise.all(
      members.map((m) => h.services.notifications.unreadCount(m.id)),
    );
    expect(counts.every((c) => c === 1)).toBe(true);
    const last = members[members.length - 1];
    if (!last) throw new Error('no members seeded');
    const { items } = await h.services.notifications.list(last.id, {});
    expect(items[0]).toMatchObject(addedNotice(group, last.id));
    expect(items[0]?.type === 'approver_group_created' && items[0].approverGroup.memberIds).toEqual(
      group.memberIds.slice(0, SNAPSHOT_MEMBER_IDS),
    );
    expect(group.memberIds).toHaveLength(1000);
    expect(await notificationsOf(creator)).toHaveLength(1);
  }, 20_000);

  it('refuses a duplicate name, whatever its case, with CONFLICT and changes nothing', async () => {
    const first = await h.newUser('manager');
    const second = await h.newUser('approver');
    const member = await h.newUser('approver');
    await h.as(first).approverGroups.create({ name: 'Legal', memberIds: [member.id] });
    const keysBefore = await groupKeys();
    await expectTRPCError(
      h.as(second).approverGroups.create({ name: '  LEGAL ', memberIds: [member.id] }),
      'CONFLICT',
      'An approver group named "LEGAL" already exists',
    );
    expect(await groupKeys()).toEqual(keysBefore);
    expect(await notificationsOf(second)).toEqual([]);
    expect(await notificationsOf(member)).toHaveLength(1);
    expect((await h.as(second).approverGroups.list({})).items).toEqual([]);
  });

  it('refuses unknown member ids with BAD_REQUEST naming them, and bad names', async () => {
    const creator = await h.newUser('manager');
    const known = await h.newUser('approver');
    const keysBefore = await groupKeys();
    await expectTRPCError(
      h.as(creator).approverGroups.create({
        name: 'Procurement',
        memberIds: [known.id, 'ghost-1', 'ghost-2'],
      }),
      'BAD_REQUEST',
      'Unknown member ids: ghost-1, ghost-2',
    );
    await expectTRPCError(h.as(creator).approverGroups.create({ name: ' ' }), 'BAD_REQUEST');
    await expectTRPCError(
      h.as(creator).approverGroups.create({ name: 'x'.repeat(10_240) }),
      'BAD_REQUEST',
    );
    expect(await groupKeys()).toEqual(keysBefore);
    expect(await notificationsOf(creator)).toEqual([]);
    expect(await notificationsOf(known)).toEqual([]);
    // The refused name was never claimed.
    await h.as(creator).approverGroups.create({ name: 'Procurement', memberIds: [known.id] });
  });
});

describe('approverGroups.list', () => {
  it('shows a group to its creator, its members and managers only', async () => {
    const creator = await h.newUser('approver');
    const member = await h.newUser('member');
    const manager = await h.newUser('manager');
    const outsider = await h.newUser('approver');
    const group = await h.as(creator).approverGroups.create({
      name: 'Visible to few',
      memberIds: [member.id],
    });
    expect((await h.as(creator).approverGroups.list({})).items).toEqual([group]);
    expect((await h.as(member).approverGroups.list({})).items).toEqual([group]);
    const managerView = await h.as(manager).approverGroups.list({ limit: 100 });
    expect(managerView.items).toContainEqual(group);
    expect((await h.as(outsider).approverGroups.list({})).items).toEqual([]);
  });
});
