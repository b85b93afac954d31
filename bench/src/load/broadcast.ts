import type { BroadcastResult, LoadRequest } from '../protocol';
import { marker } from '../protocol';
import { errorText, timer } from './concurrency';
import { isOk, post } from './http';
import { now } from './sse';
import { getStream, reserveSeq, setSink } from './streams';

/** One group of all `keys` created in one call: until every member has its notification. */
export async function broadcast(
  req: Extract<LoadRequest, { op: 'broadcast' }>,
): Promise<BroadcastResult> {
  const { target, keys, groupName, timeoutMs } = req;
  const members = keys.map(getStream);
  const n = reserveSeq();
  const seen = new Set<number>();
  let firstAt = 0;
  let lastAt = 0;
  let allIn: () => void = () => undefined;
  const delivered = new Promise<void>((r) => (allIn = r));
  setSink((s, _sentAt, receivedAt, stream) => {
    if (s !== n || seen.has(stream.key)) return;
    seen.add(stream.key);
    firstAt ||= receivedAt;
    lastAt = receivedAt;
    if (seen.size === members.length) allIn();
  });
  const t0 = now();
  let error: string | null = null;
  let responseMs = Number.NaN;
  const call = post(target.port, target.groupPath, target.actorToken, {
    name: `${groupName} ${marker(n, t0)}`,
    memberIds: members.map((m) => m.userId),
  }).then(
    (r) => {
      responseMs = now() - t0;
      if (!isOk(r)) error = `HTTP ${r.status}: ${r.body.slice(0, 200)}`;
    },
    (err: unknown) => {
      error = errorText(err);
    },
  );
  const clock = timer(timeoutMs);
  await Promise.race([
    Promise.all([call, delivered]),
    call.then(() => (error ? undefined : new Promise(() => undefined))),
    clock.expired,
  ]);
  setSink(null);
  return {
    members: members.length,
    received: seen.size,
    responseMs,
    firstMs: firstAt ? firstAt - t0 : Number.NaN,
    lastMs: lastAt ? lastAt - t0 : Number.NaN,
    timedOut: clock.timedOut && seen.size < members.length,
    error,
  };
}
