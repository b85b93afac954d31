import { skipIfMutedLua } from './lua-mute';

// Lua for the writes. Each script checks key types (TYPE, or a read that fails on a wrong type)
// and reads before its first write, so an error can only happen before anything changed: a
// script never leaves partial state.

export const helpers = `
local function check_type(key, expected)
  local actual = redis.call('TYPE', key)['ok']
  if actual ~= 'none' and actual ~= expected then
    error({ err = 'WRONGTYPE ' .. key .. ' is a ' .. actual .. ', expected ' .. expected })
  end
end

local function prune(index, unread, cutoff)
  redis.call('ZREMRANGEBYSCORE', index, '-inf', '(' .. cutoff)
  redis.call('ZREMRANGEBYSCORE', unread, '-inf', '(' .. cutoff)
end

local function refresh(ttl, index, unread, events)
  redis.call('EXPIRE', index, ttl)
  redis.call('EXPIRE', unread, ttl)
  redis.call('EXPIRE', events, ttl)
end

-- index, unread and events share one expiry: every script sets it on all three or on none.
-- With a ttl of 100 s or more, it is set to ttl + 1 % when due: when one of them did not exist
-- before this script (it was just created, without expiry) or when less than ttl is left. So
-- an active user's keys get their EXPIREs once per 1 % of ttl instead of on every write, and
-- an idle user's data disappears between one ttl and ttl + 1 % after the last write (reads
-- filter by the cutoff, so nothing older shows meanwhile). Shorter ttls (tests, demos) keep
-- the exact refresh on every write.
local function refresh_if_due(ttl, all_existed, index, unread, events)
  local ttl_ms = tonumber(ttl) * 1000
  local slack = math.floor(ttl_ms / 100)
  if slack < 1000 then slack = 0 end
  if slack > 0 and all_existed and redis.call('PTTL', index) >= ttl_ms then return end
  redis.call('PEXPIRE', index, ttl_ms + slack)
  redis.call('PEXPIRE', unread, ttl_ms + slack)
  redis.call('PEXPIRE', events, ttl_ms + slack)
end

-- Appends the event, trims entries older than the retention window and publishes
-- {"id":<entry id>,"event":<event>} on the user's shard channel. Returns the entry id.
-- first_ms (optional): the ms part of the oldest entry before the XADD (false: none); when
-- given, nothing is looked up for trimming unless that entry is old enough to be trimmed.
local function append_event(events, channel, cutoff, event, first_ms)
  local id = redis.call('XADD', events, '*', 'e', event)
  -- Never trim the entry just added, even when the app clock runs ahead of Redis's.
  local bound = cutoff
  local id_ms = string.match(id, '^%d+')
  if tonumber(id_ms) < tonumber(bound) then bound = id_ms end
  local maybe_expired = first_ms == nil or (first_ms and tonumber(first_ms) < tonumber(bound))
  if maybe_expired and tonumber(bound) > 0 then
    local expired = redis.call('XREVRANGE', events, '(' .. bound .. '-0', '-', 'COUNT', 1)[1]
    if expired then
      redis.call('XTRIM', events, 'MINID', '~', bound)
      -- Redis 7.0 trimming leaves max-deleted-entry-id alone; readers detect gaps with it.
      redis.call('XSETID', events, id, 'MAXDELETEDID', expired[1])
    end
  end
  redis.call('SPUBLISH', channel, '{"id":"' .. id .. '","event":' .. event .. '}')
  return id
end
`;

/**
 * KEYS: notification, index, unread, events, channel, prefs
 * ARGV: id, createdAtMs, createdAtIso, type, notification JSON, cutoff ms, ttl s, muting field
 * Returns the event id, or false when the user muted this type (see lua-mute.ts).
 *
 * The hot path (see the README for the count): no TYPE checks and no unconditional prune,
 * trim or EXPIRE. Three reads come first: each fails on a key of the wrong type before
 * anything is written, and they tell what is due. HSET is the first write and checks the
 * notification's own key. The new entry is added before pruning, so a prune never empties
 * (deletes) a ZSET and its expiry stays what the reads saw.
 */
export const createLua = `#!lua
${helpers}
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
local event_id = append_event(KEYS[4], KEYS[5], ARGV[6], event, first_ms)
refresh_if_due(ARGV[7], oldest[1] and oldest_unread[1] and first_event, KEYS[2], KEYS[3], KEYS[4])
return event_id
`;

/**
 * KEYS: notification, index, unread, events, channel
 * ARGV: id, '1' (read) | '0' (unread), nowIso, event JSON, cutoff ms, ttl s
 * Returns false if unknown or expired, else {data, readAt, updatedAt, eventId ('' = unchanged)}.
 */
export const setReadLua = `#!lua
${helpers}
check_type(KEYS[1], 'hash')
check_type(KEYS[2], 'zset')
check_type(KEYS[3], 'zset')
check_type(KEYS[4], 'stream')
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not score or tonumber(score) < tonumber(ARGV[5]) then return false end
local current = redis.call('HMGET', KEYS[1], 'data', 'readAt', 'updatedAt')
if not current[1] then return false end
local read_at = current[2] or ''
local want_read = ARGV[2] == '1'
if (read_at ~= '') == want_read then return { current[1], read_at, current[3], '' } end
prune(KEYS[2], KEYS[3], ARGV[5])
if want_read then
  read_at = ARGV[3]
  redis.call('ZREM', KEYS[3], ARGV[1])
else
  read_at = ''
  redis.call('ZADD', KEYS[3], score, ARGV[1])
end
redis.call('HSET', KEYS[1], 'readAt', read_at, 'updatedAt', ARGV[3])
local event_id = append_event(KEYS[4], KEYS[5], ARGV[5], ARGV[4])
refresh(ARGV[6], KEYS[2], KEYS[3], KEYS[4])
return { current[1], read_at, ARGV[3], event_id }
`;

/**
 * KEYS: index, unread, events, channel
 * ARGV: notification key prefix, nowIso, event JSON, cutoff ms, ttl s
 * Returns {count, eventId ('' when nothing changed)}. The notification hashes are derived
 * from the prefix: they share the hash tag, so they are in the same slot as the declared keys.
 */
export const markAllReadLua = `#!lua
${helpers}
check_type(KEYS[1], 'zset')
check_type(KEYS[2], 'zset')
check_type(KEYS[3], 'stream')
local ids = redis.call('ZRANGE', KEYS[2], ARGV[4], '+inf', 'BYSCORE')
local changed = {}
for _, id in ipairs(ids) do
  local key = ARGV[1] .. id
  if redis.call('HGET', key, 'readAt') == '' then changed[#changed + 1] = key end
end
if redis.call('EXISTS', KEYS[2]) == 0 then return { 0, '' } end
prune(KEYS[1], KEYS[2], ARGV[4])
for _, key in ipairs(changed) do
  redis.call('HSET', key, 'readAt', ARGV[2], 'updatedAt', ARGV[2])
end
redis.call('DEL', KEYS[2])
if #changed == 0 then return { 0, '' } end
local event_id = append_event(KEYS[3], KEYS[4], ARGV[4], ARGV[3])
refresh(ARGV[5], KEYS[1], KEYS[2], KEYS[3])
return { #changed, event_id }
`;
