// Lua for the writes. Each script checks key types and reads before its first write, so an
// error can only happen before anything changed: a script never leaves partial state.

const helpers = `
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

-- Appends the event, trims entries older than the retention window and publishes
-- {"id":<entry id>,"event":<event>} on the user's shard channel. Returns the entry id.
local function append_event(events, channel, cutoff, event)
  local id = redis.call('XADD', events, '*', 'e', event)
  -- Never trim the entry just added, even when the app clock runs ahead of Redis's.
  local bound = cutoff
  local id_ms = string.match(id, '^%d+')
  if tonumber(id_ms) < tonumber(bound) then bound = id_ms end
  if tonumber(bound) > 0 then
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
 * KEYS: notification, index, unread, events, channel
 * ARGV: id, createdAtMs, createdAtIso, type, notification JSON, cutoff ms, ttl s
 * Returns the event id.
 */
export const createLua = `#!lua
${helpers}
check_type(KEYS[1], 'hash')
check_type(KEYS[2], 'zset')
check_type(KEYS[3], 'zset')
check_type(KEYS[4], 'stream')
prune(KEYS[2], KEYS[3], ARGV[6])
redis.call('HSET', KEYS[1], 'data', ARGV[5], 'type', ARGV[4], 'readAt', '', 'updatedAt', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[7])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
-- The event embeds the stored JSON as is, so the payload crosses the wire once.
local event = '{"kind":"notification.created","notification":' .. ARGV[5] .. '}'
local event_id = append_event(KEYS[4], KEYS[5], ARGV[6], event)
refresh(ARGV[7], KEYS[2], KEYS[3], KEYS[4])
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
