import type { RedisClient } from '@acme/redis';
import type { Result } from 'ioredis';

type ScriptArg = string | number;

// ioredis adds defineCommand'ed scripts as methods; this is its documented way to type them.
declare module 'ioredis' {
  interface RedisCommander<Context> {
    acmeDomainApply(...args: ScriptArg[]): Result<unknown, Context>;
  }
}

/**
 * Compare-and-set of one record plus its index entries and optional unique-name claim.
 * KEYS: the record, the claim key when ARGV[4] == '1', then the index keys to change.
 * ARGV: expected JSON ('' = absent), next JSON ('' = delete), index member, has-claim,
 * claim value, then per index key '1' (add the member) or '0' (remove it).
 * Returns 1 when applied, 0 when the record is not as expected, -1 when the name is taken.
 */
const applyLua = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
local first = 2
if ARGV[4] == '1' then
  local owner = redis.call('GET', KEYS[2])
  if owner and owner ~= ARGV[5] then return -1 end
  if ARGV[2] == '' then redis.call('DEL', KEYS[2]) else redis.call('SET', KEYS[2], ARGV[5]) end
  first = 3
end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2]) end
for i = first, #KEYS do
  if ARGV[6 + i - first] == '1' then
    redis.call('ZADD', KEYS[i], 0, ARGV[3])
  else
    redis.call('ZREM', KEYS[i], ARGV[3])
  end
end
return 1
`;

/** Registers the script on the command connection (EVALSHA, falling back to EVAL once). */
export function defineApplyScript(redis: RedisClient): void {
  redis.defineCommand('acmeDomainApply', { lua: applyLua });
}
