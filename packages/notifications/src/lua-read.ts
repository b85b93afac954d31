// Lua for the reads: read-only (no-writes), filtering by the retention cutoff instead of
// pruning, so they stay cheap and could run on a replica.

/**
 * KEYS: notification, index
 * ARGV: id, cutoff ms
 * Returns false, or {data, readAt, updatedAt}.
 */
export const getLua = `#!lua flags=no-writes
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not score or tonumber(score) < tonumber(ARGV[2]) then return false end
local current = redis.call('HMGET', KEYS[1], 'data', 'readAt', 'updatedAt')
if not current[1] then return false end
return { current[1], current[2] or '', current[3] or '' }
`;

/**
 * Newest first, from a (score, member) cursor, skipping ids whose hash is gone or whose type
 * is filtered out. Scans at most `budget` entries, so a rare type cannot make one call walk
 * the whole index: the page may then be short, with a cursor to continue from.
 *
 * KEYS: index or unread ZSET
 * ARGV: notification key prefix, cutoff ms, limit, budget, cursor score ('' = newest),
 *       cursor member, wanted types... (none = all)
 * Returns {nextScore, nextMember ('' = no more), then data, readAt, updatedAt per item}.
 */
export const listLua = `#!lua flags=no-writes
local zset, prefix = KEYS[1], ARGV[1]
local cutoff, limit, budget = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local wanted = nil
if #ARGV > 6 then
  wanted = {}
  for i = 7, #ARGV do wanted[ARGV[i]] = true end
end

-- Byte order, like the ZSET itself (Lua's < on strings follows the server's locale).
local function before(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end

-- pos: ascending rank of the first entry to visit; the walk goes down from there.
local pos
if ARGV[5] == '' then
  pos = redis.call('ZCARD', zset) - 1
else
  -- Entries with the cursor's score occupy ranks [lo, hi), sorted by member; find the first
  -- member >= the cursor's. Exact even when the cursor's own entry has gone.
  local lo = redis.call('ZCOUNT', zset, '-inf', '(' .. ARGV[5])
  local hi = redis.call('ZCOUNT', zset, '-inf', ARGV[5])
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if before(redis.call('ZRANGE', zset, mid, mid)[1], ARGV[6]) then lo = mid + 1 else hi = mid end
  end
  pos = lo - 1
end

local found = {}
local scanned = 0
local next_score, next_member = '', ''
local last_score, last_member, found_score, found_member
local done = false
while pos >= 0 and not done do
  local from = math.max(0, pos - 63)
  local chunk = redis.call('ZRANGE', zset, from, pos, 'WITHSCORES')
  local i = #chunk - 1
  while i >= 1 do
    local member, score = chunk[i], chunk[i + 1]
    if tonumber(score) < cutoff then done = true break end
    if scanned == budget then
      next_score, next_member, done = last_score, last_member, true
      break
    end
    scanned = scanned + 1
    local t = redis.call('HGET', prefix .. member, 'type')
    if t and (wanted == nil or wanted[t]) then
      if #found == limit then
        next_score, next_member, done = found_score, found_member, true
        break
      end
      found[#found + 1] = member
      found_score, found_member = score, member
    end
    last_score, last_member = score, member
    i = i - 2
  end
  pos = from - 1
end

local reply = { next_score, next_member }
for _, member in ipairs(found) do
  local v = redis.call('HMGET', prefix .. member, 'data', 'readAt', 'updatedAt')
  reply[#reply + 1] = v[1]
  reply[#reply + 1] = v[2] or ''
  reply[#reply + 1] = v[3] or ''
end
return reply
`;

/**
 * What a reader needs to resume: the last generated id, the highest deleted id, and the
 * newest entry still present but older than the retention cutoff (it counts as deleted).
 *
 * KEYS: events
 * ARGV: cutoff ms
 * Returns false if the stream does not exist, else {lastId, maxDeletedId, newestExpiredId or ''}.
 */
export const streamInfoLua = `#!lua flags=no-writes
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local info = redis.call('XINFO', 'STREAM', KEYS[1])
local last_id, max_deleted = '0-0', '0-0'
for i = 1, #info, 2 do
  if info[i] == 'last-generated-id' then last_id = info[i + 1] end
  if info[i] == 'max-deleted-entry-id' then max_deleted = info[i + 1] end
end
local expired = ''
if tonumber(ARGV[1]) > 0 then
  local entry = redis.call('XREVRANGE', KEYS[1], '(' .. ARGV[1] .. '-0', '-', 'COUNT', 1)[1]
  if entry then expired = entry[1] end
end
return { last_id, max_deleted, expired }
`;
