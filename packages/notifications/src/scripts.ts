import type { RedisClient } from '@acme/redis';
import type { Result } from 'ioredis';
import { getLua, listLua, streamInfoLua } from './lua-read';
import { archiveAllReadLua, moveLua } from './lua-inbox';
import { updatePreferencesLua } from './lua-preferences';
import { createLua, markAllReadLua, setReadLua } from './lua-write';
import { publishEventLua } from './lua-record-events';

type ScriptArg = string | number;

// ioredis adds defineCommand'ed scripts as methods; this is its documented way to type them.
// Names are prefixed so they cannot clash with other packages' scripts on a shared client.
declare module 'ioredis' {
  interface RedisCommander<Context> {
    acmeNotifCreate(...args: ScriptArg[]): Result<unknown, Context>;
    acmeNotifSetRead(...args: ScriptArg[]): Result<unknown, Context>;
    acmeNotifMarkAllRead(...args: ScriptArg[]): Result<unknown, Context>;
    acmeNotifMove(...args: ScriptArg[]): Result<unknown, Context>;
    acmeNotifArchiveAllRead(...args: ScriptArg[]): Result<unknown, Context>;
    acmeNotifGet(...args: ScriptArg[]): Result<unknown, Context>;
    acmeNotifList(...args: ScriptArg[]): Result<unknown, Context>;
    acmeNotifStreamInfo(...args: ScriptArg[]): Result<unknown, Context>;
    acmeNotifUpdatePreferences(...args: ScriptArg[]): Result<unknown, Context>;
    acmeNotifPublishEvent(...args: ScriptArg[]): Result<unknown, Context>;
  }
}

/** Registers the scripts on the command connection (EVALSHA, falling back to EVAL once). */
export function defineScripts(redis: RedisClient): void {
  redis.defineCommand('acmeNotifCreate', { numberOfKeys: 6, lua: createLua });
  redis.defineCommand('acmeNotifSetRead', { numberOfKeys: 7, lua: setReadLua });
  redis.defineCommand('acmeNotifUpdatePreferences', { numberOfKeys: 5, lua: updatePreferencesLua });
  redis.defineCommand('acmeNotifPublishEvent', { numberOfKeys: 4, lua: publishEventLua });
  redis.defineCommand('acmeNotifMarkAllRead', { numberOfKeys: 4, lua: markAllReadLua });
  redis.defineCommand('acmeNotifMove', { numberOfKeys: 7, lua: moveLua });
  redis.defineCommand('acmeNotifArchiveAllRead', { numberOfKeys: 5, lua: archiveAllReadLua });
  redis.defineCommand('acmeNotifGet', { numberOfKeys: 4, lua: getLua, readOnly: true });
  redis.defineCommand('acmeNotifList', { numberOfKeys: 1, lua: listLua, readOnly: true });
  redis.defineCommand('acmeNotifStreamInfo', {
    numberOfKeys: 1,
    lua: streamInfoLua,
    readOnly: true,
  });
}
