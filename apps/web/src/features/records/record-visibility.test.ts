import { describe, expect, it } from 'vitest';
import { leadBelongs, taskBelongs } from './record-visibility';
import { makeLead, makeTask, manager, sales1, sales2 } from './test-records';

describe('taskBelongs', () => {
  const mine = makeTask('t', { assigneeId: sales1.id, createdById: manager.id });
  const reassigned = { ...mine, assigneeId: sales2.id };

  it('follows the assignee under "assigned to me"', () => {
    expect(taskBelongs(sales1, { assignedToMe: true }, mine)).toBe(true);
    expect(taskBelongs(sales1, { assignedToMe: true }, reassigned)).toBe(false);
    expect(taskBelongs(sales2, { assignedToMe: true }, reassigned)).toBe(true);
  });

  it('keeps what I created under "created by me", whoever has it', () => {
    const created = makeTask('t', { createdById: sales1.id, assigneeId: sales2.id });
    expect(taskBelongs(sales1, { createdByMe: true }, created)).toBe(true);
    expect(taskBelongs(sales2, { createdByMe: true }, created)).toBe(false);
    expect(taskBelongs(sales1, { createdByMe: true, assignedToMe: true }, created)).toBe(false);
  });

  it('shows a manager everything and anyone else what they created or hold', () => {
    expect(taskBelongs(manager, {}, reassigned)).toBe(true);
    expect(taskBelongs(sales1, {}, mine)).toBe(true);
    expect(taskBelongs(sales1, {}, reassigned)).toBe(false);
    expect(taskBelongs(manager, { assignedToMe: true }, reassigned)).toBe(false);
  });
});

describe('leadBelongs', () => {
  it('shows a lead to managers, its creator and its assignee', () => {
    const lead = makeLead('l', { createdById: manager.id, assigneeId: sales1.id });
    expect(leadBelongs(manager, lead)).toBe(true);
    expect(leadBelongs(sales1, lead)).toBe(true);
    expect(leadBelongs(sales2, lead)).toBe(false);
    expect(leadBelongs(sales2, { ...lead, createdById: sales2.id })).toBe(true);
  });
});
