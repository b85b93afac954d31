import type { Notification, Task } from '@acme/contracts';
import { describe, expect, it } from 'vitest';
import { buildLine, describeDue, lineText, type LineContext } from './notification-line';
import { makeNotification } from './test-notifications';

type Assignment = Extract<Notification, { type: 'task_assignment' }>;
function assignment(id: string, opts: { minutesAgo?: number } = {}): Assignment {
  const n = makeNotification(id, opts);
  if (n.type !== 'task_assignment') throw new Error('expected a task assignment');
  return n;
}

const now = new Date(2025, 11, 1, 12, 0); // local: Dec 1, 2025, 12:00
const people = new Map([['user-3', 'Sam Ortiz']]);
const ctx: LineContext = { meId: 'user-1', nameOf: (id) => people.get(id), now, locale: 'en-US' };
const maya = { id: 'user-2', name: 'Maya' };

function task(overrides: Partial<Task> = {}): Task {
  return { ...assignment('t').task, title: 'Call ACME', ...overrides };
}
const text = (n: Notification) => lineText(buildLine(n, ctx).parts);
const base: Assignment = { ...assignment('n'), actor: maya };

describe('buildLine', () => {
  it('says who assigned which task, and when it is due', () => {
    const n: Notification = { ...base, task: task({ dueDate: '2025-12-15' }) };
    expect(text(n)).toBe('Maya assigned you Call ACME · due Dec 15');
    expect(buildLine(n, ctx).parts).toContainEqual({ text: 'Call ACME', strong: true });
    expect(text({ ...base, task: task({ dueDate: '2025-12-15', dueTime: '14:00:00' }) })).toBe(
      'Maya assigned you Call ACME · due Dec 15, 14:00',
    );
    expect(text({ ...base, task: task() })).toBe('Maya assigned you Call ACME');
  });

  it('names the new assignee of a reassigned task from the users list, then metadata', () => {
    const n: Notification = {
      ...base,
      type: 'task_unassigned',
      task: task({ assigneeId: 'user-3' }),
    };
    expect(text(n)).toBe('Maya reassigned Call ACME to Sam Ortiz');
    const unknown = { ...n, task: task({ assigneeId: 'user-9' }) };
    expect(text({ ...unknown, metadata: { assignee_name: 'Ben' } })).toBe(
      'Maya reassigned Call ACME to Ben',
    );
    expect(text(unknown)).toBe('Maya reassigned Call ACME to someone else');
  });

  it('says who completed a task', () => {
    expect(text({ ...base, type: 'task_completed', task: task() })).toBe(
      'Maya completed Call ACME',
    );
  });

  it('says when a reminded task is due, with its note', () => {
    const reminder = {
      id: 'r1',
      taskId: 't',
      remindAt: now.toISOString(),
      note: 'Bring the contract',
      status: 'fired' as const,
      createdById: 'user-1',
      createdAt: now.toISOString(),
    };
    const n: Notification = {
      ...base,
      actor: null,
      type: 'task_reminder',
      reminder,
      task: task({ dueDate: '2025-12-15', dueTime: '14:00:00' }),
    };
    expect(text(n)).toBe('Reminder: Call ACME is due in 2 weeks · Dec 15, 14:00');
    expect(buildLine(n, ctx).note).toBe('Bring the contract');
    expect(text({ ...n, task: task({ dueDate: '2025-11-28' }) })).toBe(
      'Reminder: Call ACME was due 3 days ago · Nov 28',
    );
    expect(text({ ...n, task: task({ dueDate: '2025-12-01', dueTime: '14:00:00' }) })).toBe(
      'Reminder: Call ACME is due today at 14:00',
    );
    expect(text({ ...n, task: task() })).toBe('Reminder: Call ACME has no due date');
  });

  it('describes a lead with its company and value', () => {
    const lead = {
      id: 'l1',
      name: 'Globex',
      company: 'Globex Corp',
      email: null,
      phone: null,
      value: 12000,
      source: null,
      assigneeId: 'user-1',
      createdById: 'user-2',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const { task: _task, ...rest } = base;
    const n: Notification = { ...rest, type: 'lead_assignment', lead };
    expect(text(n)).toBe('Maya assigned you the lead Globex · Globex Corp · $12,000');
  });

  it('tells a member they were added and the creator that they created the group', () => {
    const approverGroup = {
      id: 'g1',
      name: 'Finance board',
      description: null,
      memberIds: ['user-1', 'user-3', 'user-4'],
      createdById: 'user-2',
      createdAt: now.toISOString(),
    };
    const { task: _task, ...rest } = base;
    const n: Notification = { ...rest, type: 'approver_group_created', approverGroup };
    expect(text(n)).toBe('Maya added you to Finance board · 3 members');
    expect(text({ ...n, actor: { id: 'user-1', name: 'Ana' } })).toBe(
      'You created Finance board · 3 members',
    );
  });

  it('reads without an actor for system notifications', () => {
    expect(text({ ...base, actor: null, task: task() })).toBe('You were assigned Call ACME');
  });
});

describe('describeDue', () => {
  it('says whether today’s time has passed', () => {
    const t = task({ dueDate: '2025-12-01', dueTime: '09:30:00' });
    expect(describeDue(t, now, 'en-US')).toBe('was due today at 09:30');
    expect(describeDue(task({ dueDate: '2025-12-02' }), now, 'en-US')).toBe('is due tomorrow');
  });
});
