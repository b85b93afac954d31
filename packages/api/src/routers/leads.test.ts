import type { Lead, User } from '@acme/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTRPCError } from '../../test/assertions';
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
const leadIds = async (user: User) =>
  (await h.as(user).leads.list({ limit: 100 })).items.map((l) => l.id).sort();

describe('leads.create', () => {
  it('stores the lead for its creator and refuses invalid input', async () => {
    const member = await h.newUser('member');
    const lead = await h.as(member).leads.create({
      name: 'Globex',
      company: 'Globex Corp',
      email: 'buyer@globex.test',
      value: 12_000,
      source: 'referral',
    });
    expect(lead).toMatchObject({
      name: 'Globex',
      phone: null,
      assigneeId: null,
      createdById: member.id,
    });
    await expectTRPCError(h.as(member).leads.create({ name: '' }), 'BAD_REQUEST');
    await expectTRPCError(h.as(member).leads.create({ name: 'x'.repeat(10_240) }), 'BAD_REQUEST');
    await expectTRPCError(h.as(member).leads.create({ name: 'Bad', email: 'nope' }), 'BAD_REQUEST');
    await expectTRPCError(h.as(member).leads.create({ name: 'Neg', value: -1 }), 'BAD_REQUEST');
    expect(await leadIds(member)).toEqual([lead.id]);
  });
});

describe('leads.assign', () => {
  it('notifies the sales user with the lead snapshot and metadata, once', async () => {
    const manager = await h.newUser('manager');
    const sales = await h.newUser('sales');
    const inbox = await openInbox(h, sales);
    const lead = await h.as(manager).leads.create({
      name: 'Initech',
      company: 'Initech LLC',
      value: 5000,
      source: 'web',
    });
    const assigned = await h.as(manager).leads.assign({ leadId: lead.id, assigneeId: sales.id });
    await h.as(manager).leads.assign({ leadId: lead.id, assigneeId: sales.id });
    expect(assigned).toMatchObject({ id: lead.id, assigneeId: sales.id });

    const expected = {
      type: 'lead_assignment',
      userId: sales.id,
      title: 'Lead Assigned: Initech',
      message: 'Lead "Initech" has been assigned to you.',
      metadata: { company: 'Initech LLC', value: 5000, source: 'web' },
      lead: assigned,
    };
    expect(await inbox.waitFor(() => true)).toMatchObject(expected);
    const [only, ...rest] = await notificationsOf(sales);
    expect(only).toMatchObject(expected);
    expect(rest).toEqual([]);
    expect(await notificationsOf(manager)).toEqual([]);
    await inbox.close();
  });

  it('is FORBIDDEN for non-managers and BAD_REQUEST for non-sales, changing nothing', async () => {
    const manager = await h.newUser('manager');
    const sales = await h.newUser('sales');
    const approver = await h.newUser('approver');
    const lead = await h.as(sales).leads.create({ name: 'Umbrella' });
    await expectTRPCError(
      h.as(sales).leads.assign({ leadId: lead.id, assigneeId: sales.id }),
      'FORBIDDEN',
      'Only managers can assign leads',
    );
    await expectTRPCError(
      h.as(manager).leads.assign({ leadId: lead.id, assigneeId: approver.id }),
      'BAD_REQUEST',
      'Leads can only be assigned to sales staff',
    );
    await expectTRPCError(
      h.as(manager).leads.assign({ leadId: lead.id, assigneeId: manager.id }),
      'BAD_REQUEST',
    );
    const stored = (await h.as(manager).leads.list({ limit: 100 })).items.find(
      (l: Lead) => l.id === lead.id,
    );
    expect(stored).toEqual(lead);
    for (const user of [sales, approver, manager]) expect(await notificationsOf(user)).toEqual([]);
  });

  it('is NOT_FOUND for unknown leads and assignees', async () => {
    const manager = await h.newUser('manager');
    const sales = await h.newUser('sales');
    await expectTRPCError(
      h.as(manager).leads.assign({ leadId: 'no-such-lead', assigneeId: sales.id }),
      'NOT_FOUND',
      'Lead not found',
    );
    const lead = await h.as(manager).leads.create({ name: 'Hooli' });
    await expectTRPCError(
      h.as(manager).leads.assign({ leadId: lead.id, assigneeId: 'no-such-user' }),
      'NOT_FOUND',
      'Assignee not found',
    );
    expect(await notificationsOf(sales)).toEqual([]);
  });
});

describe('leads.list', () => {
  it('shows managers every lead, sales their assigned ones, others what they created', async () => {
    const manager = await h.newUser('manager');
    const sales = await h.newUser('sales');
    const otherSales = await h.newUser('sales');
    const member = await h.newUser('member');
    const byMember = await h.as(member).leads.create({ name: 'From member' });
    const byManager = await h.as(manager).leads.create({ name: 'From manager' });
    await h.as(manager).leads.assign({ leadId: byMember.id, assigneeId: sales.id });

    expect(await leadIds(member)).toEqual([byMember.id]);
    expect(await leadIds(sales)).toEqual([byMember.id]);
    expect(await leadIds(otherSales)).toEqual([]);
    expect(await leadIds(manager)).toEqual(expect.arrayContaining([byMember.id, byManager.id]));
  });
});
