import type { Lead, Task, User } from '@acme/contracts';
import type { PagedRecords } from '../../lib/paged-records';

export const manager: User = { id: 'maya', email: 'maya@acme.test', name: 'Maya', role: 'manager' };
export const sales1: User = { id: 'sam', email: 'sam@acme.test', name: 'Sam', role: 'sales' };
export const sales2: User = { id: 'sia', email: 'sia@acme.test', name: 'Sia', role: 'sales' };

const BASE = Date.parse('2025-03-10T12:00:00.000Z');
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

/** Test data: a task created `minutesAgo` before 12:00 and last changed `version` minutes after. */
export function makeTask(
  id: string,
  opts: Partial<Task> & { minutesAgo?: number; version?: number } = {},
): Task {
  const { minutesAgo = 0, version = 0, ...rest } = opts;
  return {
    id,
    title: `Task ${id}`,
    description: null,
    priority: 'medium',
    status: 'to_do',
    dueDate: null,
    dueTime: null,
    assigneeId: sales1.id,
    createdById: manager.id,
    createdAt: at(-minutesAgo),
    updatedAt: at(version),
    ...rest,
  };
}

export function makeLead(
  id: string,
  opts: Partial<Lead> & { minutesAgo?: number; version?: number } = {},
): Lead {
  const { minutesAgo = 0, version = 0, ...rest } = opts;
  return {
    id,
    name: `Lead ${id}`,
    company: null,
    email: null,
    phone: null,
    value: null,
    source: null,
    assigneeId: null,
    createdById: manager.id,
    createdAt: at(-minutesAgo),
    updatedAt: at(version),
    ...rest,
  };
}

export function pagedOf<T>(...pages: T[][]): PagedRecords<T> {
  return {
    pages: pages.map((items, i) => ({
      items,
      nextCursor: i < pages.length - 1 ? `cursor-${i + 1}` : null,
    })),
    pageParams: pages.map((_, i) => (i === 0 ? null : `cursor-${i}`)),
  };
}

export const idsOf = <T extends { id: string }>(data: PagedRecords<T> | undefined) =>
  (data?.pages ?? []).map((page) => page.items.map((item) => item.id));
