import { confirmNothing, type ConfirmWrites, type RedisClient } from '@acme/redis';
import type { z } from 'zod';
import type { Logger } from '@acme/notifications';
import { defineApplyScript } from './apply-script';

/** A record as read, with the exact JSON it was stored as (the compare-and-set token). */
export interface Stored<T> {
  value: T;
  raw: string;
}

/** A record's JSON (null = absent) and the index keys listing it. */
export interface RecordState {
  raw: string | null;
  indexes: readonly string[];
}

/** One atomic change of one record, its index entries and its unique-name claim. */
export interface Transition {
  key: string;
  member: string;
  before: RecordState;
  after: RecordState;
  /** Held while the record exists: refused with 'claimed' when another value holds it. */
  claim?: { key: string; value: string };
}

export type ApplyResult = 'applied' | 'stale' | 'claimed';

/** The index member of a record: sorts by creation time, then id. */
export function indexMember(createdAt: string, id: string): string {
  return `${String(Date.parse(createdAt)).padStart(15, '0')}:${id}`;
}

export const idOfMember = (member: string) => member.slice(member.indexOf(':') + 1);

interface Indexed {
  id: string;
  createdAt: string;
}

/** The change from a stored record (null: none yet) to its next value. */
export function transitionOf<T extends Indexed>(
  keyOf: (id: string) => string,
  indexesOf: (value: T) => readonly string[],
  before: Stored<T> | null,
  after: T,
): Transition {
  return {
    key: keyOf(after.id),
    member: indexMember(after.createdAt, after.id),
    before: before
      ? { raw: before.raw, indexes: indexesOf(before.value) }
      : { raw: null, indexes: [] },
    after: { raw: JSON.stringify(after), indexes: indexesOf(after) },
  };
}

export function createRecordStore(
  redis: RedisClient,
  logger: Logger,
  confirm: ConfirmWrites = confirmNothing,
) {
  defineApplyScript(redis);

  function parse<T>(schema: z.ZodType<T>, key: string, raw: string): Stored<T> | null {
    try {
      const result = schema.safeParse(JSON.parse(raw));
      if (result.success) return { value: result.data, raw };
      logger.error({ key, issues: result.error.issues }, 'invalid domain record ignored');
    } catch (err) {
      logger.error({ key, err }, 'unreadable domain record ignored');
    }
    return null;
  }

  /** Writes the transition; not yet confirmed by replicas (see `confirm`). */
  async function applyUnconfirmed(t: Transition): Promise<ApplyResult> {
    const before = new Set(t.before.indexes);
    const after = new Set(t.after.indexes);
    const changed = [...new Set([...before, ...after])].filter(
      (k) => before.has(k) !== after.has(k),
    );
    const keys = [t.key, ...(t.claim ? [t.claim.key] : []), ...changed];
    const reply = await redis.acmeDomainApply(
      keys.length,
      ...keys,
      t.before.raw ?? '',
      t.after.raw ?? '',
      t.member,
      t.claim ? '1' : '0',
      t.claim?.value ?? '',
      ...changed.map((k) => (after.has(k) ? '1' : '0')),
    );
    return reply === 1 ? 'applied' : reply === -1 ? 'claimed' : 'stale';
  }

  async function apply(t: Transition): Promise<ApplyResult> {
    const result = await applyUnconfirmed(t);
    if (result === 'applied') await confirm([t.key]);
    return result;
  }

  return {
    redis,
    logger,
    async read<T>(schema: z.ZodType<T>, key: string): Promise<Stored<T> | null> {
      const raw = await redis.get(key);
      return raw === null ? null : parse(schema, key, raw);
    },
    async readMany<T>(schema: z.ZodType<T>, keys: string[]): Promise<(Stored<T> | null)[]> {
      if (keys.length === 0) return [];
      const raws = await redis.mget(...keys);
      return raws.map((raw, i) => (raw === null ? null : parse(schema, keys[i] ?? '', raw)));
    },
    apply,
    applyUnconfirmed,
    confirm,
    /** Undoes an applied transition, unless the record changed again since. */
    revert: (t: Transition) => apply({ ...t, before: t.after, after: t.before }),
  };
}

export type RecordStore = ReturnType<typeof createRecordStore>;
