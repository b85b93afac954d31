// Lua for the reads: read-only (no-writes), filtering by the retention cutoff instead of
// pruning, so they stay cheap and could run on a replica.

import { viewHelpers } from './lua-views';

/**
 * KEYS: notification, index, archived, snoozed
 * ARGV: id, cutoff ms
 * Returns false, or {'', data, readAt, updatedAt, archivedAt, snoozedUntil}.
 */
export const getLua = `#!lua flags=no-writes
${viewHelpers}
local view = locate(ARGV[1], KEYS[2], KEYS[3], KEYS[4], tonumber(ARGV[2]))
local s = view and read_state(KEYS[1])
if not s then return false end
return state_reply('', s)
`;

/**
 * One view's page from a (score, member) cursor: newest first ('desc'), or soonest first
 * ('asc', the snoozed view), skipping ids whose hash is gone or that a filter leaves out.
 * Scans at most `budget` entries, so a rare type cannot make one call walk the whole
 * index: the page may then be short, with a cursor to continue from.
 *
 * KEYS: the view's ZSET (index, unread, archived or snoozed)
 * ARGV: notification key prefix, cutoff ms, limit, budget, cursor score ('' = first),
 *       cursor member, 'desc' | 'asc', unread only '1' | '0', wanted types... (none = all)
 * Returns {nextScore, nextMember ('' = no more), then data, readAt, updatedAt, archivedAt,
 * snoozedUntil per item}.
 */
export const listLua = `#!lua flags=no-writes
local zset, prefix = KEYS[1], ARGV[1]
local cutoff, limit, budget = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local asc, unread_only = ARGV[7] == 'asc', ARGV[8] == '1'
local wanted = nil
if #ARGV > 8 then
  wanted = {}
  for i = 9, #ARGV do wanted[ARGV[i]] = true end
end

-- Byte order, like the ZSET itself (Lua's < on strings follows the server's locale).
local function before(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end

-- pos: rank of the first entry to visit; the walk goes down (desc) or up (asc) from there.
local card = redis.call('ZCARD', zset)
local pos
if ARGV[5] == '' then
  pos = asc and 0 or card - 1
else
  -- Entries with the cursor's score occupy ranks [lo, hi), sorted by member; find the first
  -- member >= the cursor's. Exact even when the cursor's own entry has gone.
  local lo = redis.call('ZCOUNT', zset, '-inf', '(' .. ARGV[5])
  local hi = redis.call('ZCOUNT', zset, '-inf', ARGV[5])
  local score_end = hi
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if before(redis.call('ZRANGE', zset, mid, mid)[1], ARGV[6]) then lo = mid + 1 else hi = mid end
  end
  if not asc then
    pos = lo - 1
  elseif lo < score_end and redis.call('ZRANGE', zset, lo, lo)[1] == ARGV[6] then
    pos = lo + 1
  else
    pos = lo
  end
end
if asc then pos = math.max(pos, redis.call('ZCOUNT', zset, '-inf', '(' .. ARGV[2])) end

local found = {}
local scanned = 0
local next_score, next_member = '', ''
local last_score, last_member, found_score, found_member
local done = false
while pos >= 0 and pos < card and not done do
  local from, to = math.max(0, pos - 63), pos
  if asc then from, to = pos, math.min(card - 1, pos + 63) end
  local chunk = redis.call('ZRANGE', zset, from, to, 'WITHSCORES')
  local n = #chunk / 2
  for k = 1, n do
    local j = asc and k or n - k + 1
    local member, score = chunk[2 * j - 1], chunk[2 * j]
    if tonumber(score) < cutoff then done = true break end
    if scanned == budget then
      next_score, next_member, done = last_score, last_member, true
      break
    end
    scanned = scanned + 1
    local f = redis.call('HMGET', prefix .. member, 'type', 'readAt')
    if f[1] and (wanted == nil or wanted[f[1]]) and (not unread_only or f[2] == '') then
      if #found == limit then
        next_score, next_member, done = found_score, found_member, true
        break
      end
      found[#found + 1] = member
      found_score, found_member = score, member
    end
    last_score, last_member = score, member
  end
  if asc then pos = to + 1 else pos = from - 1 end
end

local reply = { next_score, next_member }
for _, member in ipairs(found) do
  local v = redis.call('HMGET', prefix .. member, 'data', 'readAt', 'updatedAt', 'archivedAt',
    'snoozedUntil')
  for i = 1, 5 do reply[#reply + 1] = v[i] or '' end
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
