// Lua for the writes. Each script checks key types (TYPE, or a read that fails on a wrong type)
// and reads before its first write, so an error can only happen before anything changed: a
// script never leaves partial state.

import { skipIfMutedLua } from './lua-mute';
import { viewHelpers } from './lua-views';
import { writeHelpers } from './lua-write-helpers';

/**
 * KEYS: notification, index, unread, events, channel, prefs
 * ARGV: id, createdAtMs, createdAtIso, type, notification JSON, cutoff ms, ttl s,
 *       event cutoff ms (the replay window), muting field
 * Returns the event id, or false when the user muted this type (see lua-mute.ts).
 *
 * The hot path (see the README for the count): no TYPE checks and no unconditional prune,
 * trim or EXPIRE. Three reads come first: each fails on a key of the wrong type before
 * anything is written, and they tell what is due. HSET is the first write and checks the
 * notification's own key. The new entry is added before pruning, so a prune never empties
 * (deletes) a ZSET and its expiry stays what the reads saw.
 */
export const createLua = `#!lua
${writeHelpers}
${skipIfMutedLua}
local cutoff = tonumber(ARGV[6])
local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
local oldest_unread = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
local first_event = redis.call('XRANGE', KEYS[4], '-', '+', 'COUNT', 1)[1]
redis.call('HSET', KEYS[1], 'data', ARGV[5], 'type', ARGV[4], 'readAt', '', 'updatedAt', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[7])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
if oldest[2] and tonumber(oldest[2]) < cutoff then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[6])
end
if oldest_unread[2] and tonumber(oldest_unread[2]) < cutoff then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[6])
end
-- The event embeds the stored JSON as is, so the payload crosses the wire once.
local event = '{"kind":"notification.created","notification":' .. ARGV[5] .. '}'
local first_ms = first_event and string.match(first_event[1], '^%d+') or false
local event_id = append_event(KEYS[4], KEYS[5], ARGV[8], event, first_ms)
refresh_if_due(ARGV[7], oldest[1] and oldest_unread[1] and first_event, KEYS[2], KEYS[3], KEYS[4])
return event_id
`;

/**
 * KEYS: notification, index, unread, archived, snoozed, events, channel
 * ARGV: id, '1' (read) | '0' (unread), nowIso, event JSON, cutoff ms, event cutoff ms, ttl s
 * Returns false if unknown or expired, else {eventId ('' = unchanged), data, readAt,
 * updatedAt, archivedAt, snoozedUntil}. Works in every view; only the inbox has an unread set.
 */
export const setReadLua = `#!lua
${writeHelpers}
${viewHelpers}
check_type(KEYS[1], 'hash')
for i = 2, 5 do check_type(KEYS[i], 'zset') end
check_type(KEYS[6], 'stream')
local view, score = locate(ARGV[1], KEYS[2], KEYS[4], KEYS[5], tonumber(ARGV[5]))
local s = view and read_state(KEYS[1])
if not s then return false end
local want_read = ARGV[2] == '1'
if (s.read_at ~= '') == want_read then return state_reply('', s) end
prune(KEYS[2], KEYS[3], ARGV[5])
if want_read then
  s.read_at = ARGV[3]
  redis.call('ZREM', KEYS[3], ARGV[1])
else
  s.read_at = ''
  if view == 'inbox' then redis.call('ZADD', KEYS[3], score, ARGV[1]) end
end
s.updated_at = ARGV[3]
redis.call('HSET', KEYS[1], 'readAt', s.read_at, 'updatedAt', s.updated_at)
local event_id = append_event(KEYS[6], KEYS[7], ARGV[6], ARGV[4])
refresh(ARGV[7], KEYS[2], KEYS[3], KEYS[6])
return state_reply(event_id, s)
`;

/**
 * KEYS: index, unread, events, channel
 * ARGV: notification key prefix, nowIso, event JSON, cutoff ms, event cutoff ms, ttl s,
 *       types... (none: every type)
 * Returns {eventId ('' when nothing changed), then the ids marked read, newest first}. The
 * notification hashes are derived from the prefix: they share the hash tag, so they are in
 * the same slot as the declared keys.
 */
export const markAllReadLua = `#!lua
${writeHelpers}
check_type(KEYS[1], 'zset')
check_type(KEYS[2], 'zset')
check_type(KEYS[3], 'stream')
local wanted = nil
if #ARGV > 6 then
  wanted = {}
  for i = 7, #ARGV do wanted[ARGV[i]] = true end
end
local ids = redis.call('ZRANGE', KEYS[2], '+inf', ARGV[4], 'BYSCORE', 'REV')
local changed, stale = {}, {}
for _, id in ipairs(ids) do
  local f = redis.call('HMGET', ARGV[1] .. id, 'type', 'readAt')
  if f[2] == '' then
    if wanted == nil or wanted[f[1]] then changed[#changed + 1] = id end
  else
    stale[#stale + 1] = id
  end
end
if redis.call('EXISTS', KEYS[2]) == 0 then return { '' } end
prune(KEYS[1], KEYS[2], ARGV[4])
for _, id in ipairs(changed) do
  redis.call('HSET', ARGV[1] .. id, 'readAt', ARGV[2], 'updatedAt', ARGV[2])
end
if wanted == nil then
  redis.call('DEL', KEYS[2])
else
  for _, id in ipairs(changed) do redis.call('ZREM', KEYS[2], id) end
  for _, id in ipairs(stale) do redis.call('ZREM', KEYS[2], id) end
end
if #changed == 0 then return { '' } end
local event_id = append_event(KEYS[3], KEYS[4], ARGV[5], ARGV[3])
refresh(ARGV[6], KEYS[1], KEYS[2], KEYS[3])
local reply = { event_id }
for _, id in ipairs(changed) do reply[#reply + 1] = id end
return reply
`;
