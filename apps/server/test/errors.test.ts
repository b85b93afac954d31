import { beforeAll, describe, expect, it } from 'vitest';
import { trpcMutation, trpcQuery } from './http';
import { useStack } from './stack';

const stack = useStack();
let token: string;
let userId: string;

beforeAll(async () => {
  const res = await trpcMutation(stack.server.url, 'auth.createToken', {
    email: 'manager@demo.test',
    password: 'demo-password',
  });
  token = (res.body as { result: { data: { accessToken: string } } }).result.data.accessToken;
  const me = await trpcQuery(stack.server.url, 'auth.me', undefined, bearer());
  userId = (me.body as { result: { data: { id: string } } }).result.data.id;
});

const bearer = () => ({ authorization: `Bearer ${token}` });

interface ErrorBody {
  error: { message: string; data: Record<string, unknown> };
}

/** No stack, no file path, whatever NODE_ENV the server runs with (here: unset). */
function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/"stack"|node_modules|\/dist\/|\.ts:\d|at async/);
}

describe('error responses', () => {
  it('an unknown procedure is a 404 without a stack', async () => {
    const res = await trpcMutation(stack.server.url, 'auth.signIn', {});
    expect(res.status).toBe(404);
    expect((res.body as ErrorBody).error.data.code).toBe('NOT_FOUND');
    expectNoInternals(res.body);
  });

  it('invalid input is a BAD_REQUEST that says which field, with the issues by field', async () => {
    const res = await trpcMutation(stack.server.url, 'tasks.create', { title: '' }, bearer());
    expect(res.status).toBe(400);
    const { error } = res.body as ErrorBody;
    expect(error.message).toMatch(/^Invalid input: title: /);
    expect(error.data.zodError).toMatchObject({ fieldErrors: { title: [expect.any(String)] } });
    expect(error.data.issues).toEqual([expect.objectContaining({ path: ['title'] })]);
    expectNoInternals(res.body);
  });

  it('a tampered list cursor is a BAD_REQUEST, for notifications as for the other lists', async () => {
    const cursor = Buffer.from('forged').toString('base64url');
    for (const path of ['notifications.list', 'tasks.list']) {
      const res = await trpcQuery(stack.server.url, path, { cursor }, bearer());
      expect(res.status, path).toBe(400);
      expect((res.body as ErrorBody).error.message).toBe('Invalid cursor');
    }
  });

  it('a domain refusal keeps its code and message', async () => {
    const res = await trpcMutation(
      stack.server.url,
      'tasks.assign',
      { taskId: 'no-such-task', assigneeId: userId },
      bearer(),
    );
    expect(res.status).toBe(404);
    expect((res.body as ErrorBody).error.message).toBe('Task not found');
  });

  it('an unexpected failure is a 500 that says nothing of it; the log has it all', async () => {
    // The user's unread set of the wrong type: Redis answers WRONGTYPE.
    await stack.redis.set(`{u:${userId}}:unread`, 'not a sorted set');
    const res = await trpcQuery(stack.server.url, 'notifications.unreadCount', undefined, bearer());
    await stack.redis.del(`{u:${userId}}:unread`);
    expect(res.status).toBe(500);
    const { error } = res.body as ErrorBody;
    expect(error.message).toBe('Something went wrong on our side');
    expect(JSON.stringify(res.body)).not.toContain('WRONGTYPE');
    expectNoInternals(res.body);
    await stack.server.waitForOutput(/procedure failed.*WRONGTYPE|WRONGTYPE.*procedure failed/);
  });

  it('plain routes answer 404 without internals', async () => {
    const res = await fetch(`${stack.server.url}/api/no-such-route`);
    expect(res.status).toBe(404);
    expectNoInternals(await res.json());
  });
});
