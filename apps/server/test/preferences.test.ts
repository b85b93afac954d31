import { randomUUID } from 'node:crypto';
import type { NewNotification } from '@acme/contracts';
import { describe, expect, it } from 'vitest';
import { taskAssigned } from './fixtures';
import { trpcMutation, trpcQuery } from './http';
import { readSeedStream } from './seed-clients/node-reader';
import { useStack } from './stack';

const stack = useStack();

function leadAssigned(name: string): NewNotification {
  const now = new Date().toISOString();
  return {
    type: 'lead_assignment',
    title: `Lead Assigned: ${name}`,
    message: `Lead "${name}" has been assigned to you.`,
    lead: {
      id: randomUUID(),
      name,
      company: null,
      email: null,
      phone: null,
      value: null,
      source: null,
      assigneeId: null,
      createdById: randomUUID(),
      createdAt: now,
      updatedAt: now,
    },
  };
}

async function session(email: string) {
  const res = await fetch(`${stack.server.url}/api/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: email, password: 'demo-password' }),
  });
  const { access } = (await res.json()) as { access: string };
  const { sub } = JSON.parse(Buffer.from(access.split('.')[1] ?? '', 'base64url').toString()) as {
    sub: string;
  };
  return { auth: { Authorization: `Bearer ${access}` }, userId: sub };
}

describe.each([
  ['/api/notifications/stream/', 'sales1@demo.test'],
  ['/api/communication/notifications/sse/', 'approver@demo.test'],
])('%s with a type muted through preferences.update', (path, email) => {
  it('does not emit the muted type, and does emit another', async () => {
    const { auth, userId } = await session(email);
    const input = { types: { lead_assignment: { inApp: false } } };
    const updated = await trpcMutation(stack.server.url, 'preferences.update', input, auth);
    expect(updated.status).toBe(200);
    const got = await trpcQuery(stack.server.url, 'preferences.get', undefined, auth);
    expect(got.body).toMatchObject({
      result: { data: { types: { lead_assignment: { inApp: false, toast: true } } } },
    });

    const writes: Promise<void>[] = [];
    const isNotification = (data: Record<string, unknown>) => typeof data.id === 'string';
    const events = await readSeedStream(`${stack.server.url}${path}`, auth, (seen) => {
      if (seen.length === 1 && writes.length === 0) {
        // In stream order: had the lead been written, it would arrive first.
        writes.push(
          (async () => {
            expect((await stack.store.create(userId, leadAssigned('Muted'))).skipped).toBe(true);
            await stack.store.create(userId, taskAssigned('Shown'));
          })(),
        );
      }
      return seen.some((e) => isNotification(e.data));
    });
    await Promise.all(writes);
    const notifications = events.filter((e) => isNotification(e.data));
    expect(notifications.map((e) => e.data.message)).toEqual([
      'Task "Shown" has been assigned to you.',
    ]);
  });
});

it('preferences.update refuses muting reminders with BAD_REQUEST and its issues', async () => {
  const { auth } = await session('manager@demo.test');
  const input = { types: { task_reminder: { inApp: false } } };
  const refused = await trpcMutation(stack.server.url, 'preferences.update', input, auth);
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({
    error: {
      data: { code: 'BAD_REQUEST', issues: [{ path: ['types', 'task_reminder', 'inApp'] }] },
    },
  });
  const got = await trpcQuery(stack.server.url, 'preferences.get', undefined, auth);
  expect(got.body).toMatchObject({
    result: { data: { types: { task_reminder: { inApp: true } } } },
  });
});
