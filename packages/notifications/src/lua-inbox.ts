// Lua for moving items between the views (inbox, archived, snoozed). Like every write script:
// type checks and reads first, so an error can only happen before the first write.

import { viewHelpers } from './lua-views';
import { writeHelpers } from './lua-write-helpers';

const inboxHelpers = `
-- Notification ids start with their creation ms in base 36 (codec.ts createIdGenerator).
local function created_ms(id)
  return tonumber(string.sub(id, 1, 9), 36)
end

local function iso_or_null(value)
  if value == '' then return 'null' end
  return '"' .. value .. '"'
end

-- The notification as JSON with its current state, for the events that carry it. The store
-- writes the state fields last ('"isRead":…,"createdAt":…,"updatedAt":…}'); that tail is
-- rewritten, the rest is kept byte for byte.
local function notification_json(s)
  local tail, from = nil, 1
  while true do
    local at = string.find(s.data, ',"isRead":', from, true)
    if not at then break end
    tail, from = at, at + 1
  end
  local created = tail and string.match(s.data, '"createdAt":("[^"]*")', tail)
  if not created then error('ERR notification JSON without its state fields') end
  return string.sub(s.data, 1, tail - 1) .. ',"isRead":' .. tostring(s.read_at ~= '')
    .. ',"readAt":' .. iso_or_null(s.read_at) .. ',"archivedAt":' .. iso_or_null(s.archived_at)
    .. ',"snoozedUntil":' .. iso_or_null(s.snoozed_until) .. ',"createdAt":' .. created
    .. ',"updatedAt":"' .. s.updated_at .. '"}'
end
`;

/**
 * One item from its view to another: archive, unarchive, snooze, unsnooze, wake.
 *
 * KEYS: notification, index, unread, archived, snoozed, events, channel
 * ARGV: action, id, nowMs, nowIso, untilMs (snooze, wake; else ''), untilIso (snooze),
 *       cutoff ms, event cutoff ms, ttl s, event JSON, '1' when the event carries the
 *       notification (the JSON then ends with '"notification":' and the script completes it)
 * Returns false if unknown or expired, else {eventId ('' = nothing to do), data, readAt,
 * updatedAt, archivedAt, snoozedUntil}.
 *
 * - archive: from any view, marks it read. Already archived: nothing to do.
 * - unarchive: back at its place in the inbox (at the top if that place has expired).
 * - snooze: from any view (an archived item comes back too); a new until moves it.
 * - unsnooze, wake: back in the inbox unread, at the top. wake acts only while the item is
 *   snoozed until exactly untilMs, so a stale or repeated wake-up does nothing.
 */
export const moveLua = `#!lua
${writeHelpers}
${viewHelpers}
${inboxHelpers}
check_type(KEYS[1], 'hash')
for i = 2, 5 do check_type(KEYS[i], 'zset') end
check_type(KEYS[6], 'stream')
local action, id, now_ms, now_iso = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local cutoff, ttl_ms = tonumber(ARGV[7]), tonumber(ARGV[9]) * 1000
local view, score = locate(id, KEYS[2], KEYS[4], KEYS[5], cutoff)
local s = view and read_state(KEYS[1])
if not s then return false end

local to, to_score
if action == 'archive' then
  if view == 'archived' then return state_reply('', s) end
  to, to_score = 'archived', now_ms
  if s.read_at == '' then s.read_at = now_iso end
  s.archived_at, s.snoozed_until = now_iso, ''
elseif action == 'unarchive' then
  if view ~= 'archived' then return state_reply('', s) end
  to, to_score = 'inbox', created_ms(id) or now_ms
  if to_score < cutoff then to_score = now_ms end
  s.archived_at = ''
elseif action == 'snooze' then
  local until_ms = tonumber(ARGV[5])
  if view == 'snoozed' and tonumber(score) == until_ms then return state_reply('', s) end
  to, to_score = 'snoozed', until_ms
  s.archived_at, s.snoozed_until = '', ARGV[6]
elseif action == 'unsnooze' or action == 'wake' then
  if view ~= 'snoozed' then return state_reply('', s) end
  if action == 'wake' and tonumber(score) ~= tonumber(ARGV[5]) then return state_reply('', s) end
  to, to_score = 'inbox', now_ms
  s.read_at, s.snoozed_until = '', ''
else
  error('ERR unknown action ' .. action)
end
s.updated_at = now_iso
local event = ARGV[10]
if ARGV[11] == '1' then event = event .. notification_json(s) .. '}' end

local sets = { inbox = KEYS[2], archived = KEYS[4], snoozed = KEYS[5] }
prune(KEYS[2], KEYS[3], ARGV[7])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. ARGV[7])
redis.call('ZREM', sets[view], id)
redis.call('ZREM', KEYS[3], id)
redis.call('ZADD', sets[to], to_score, id)
if to == 'inbox' and s.read_at == '' then redis.call('ZADD', KEYS[3], to_score, id) end
redis.call('HSET', KEYS[1], 'readAt', s.read_at, 'updatedAt', now_iso,
  'archivedAt', s.archived_at, 'snoozedUntil', s.snoozed_until)
-- An item is kept ttl past its score: its place in the inbox or the archive, or its wake-up
-- (a 90-day snooze outlives a 30-day ttl). Its set lives as long as its newest entry.
keep(KEYS[1], to_score + ttl_ms - now_ms)
if to ~= 'inbox' then keep(sets[to], to_score + ttl_ms - now_ms) end
local event_id = append_event(KEYS[6], KEYS[7], ARGV[8], event)
refresh(ARGV[9], KEYS[2], KEYS[3], KEYS[6])
return state_reply(event_id, s)
`;

/**
 * Every read item of the inbox to the archive.
 *
 * KEYS: index, unread, archived, events, channel
 * ARGV: notification key prefix, nowMs, nowIso, cutoff ms, event cutoff ms, ttl s, event JSON
 * Returns {eventId ('' when nothing moved), then the ids archived, newest first}.
 */
export const archiveAllReadLua = `#!lua
${writeHelpers}
for i = 1, 3 do check_type(KEYS[i], 'zset') end
check_type(KEYS[4], 'stream')
local prefix, now_ms, now_iso = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local ids = redis.call('ZRANGE', KEYS[1], '+inf', ARGV[4], 'BYSCORE', 'REV')
local moved = {}
for _, id in ipairs(ids) do
  local read_at = redis.call('HGET', prefix .. id, 'readAt')
  if read_at and read_at ~= '' then moved[#moved + 1] = id end
end
if #moved == 0 then return { '' } end
prune(KEYS[1], KEYS[2], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[4])
local ttl_ms = tonumber(ARGV[6]) * 1000
for _, id in ipairs(moved) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[3], now_ms, id)
  redis.call('HSET', prefix .. id, 'archivedAt', now_iso, 'snoozedUntil', '', 'updatedAt', now_iso)
  keep(prefix .. id, ttl_ms)
end
keep(KEYS[3], ttl_ms)
local event_id = append_event(KEYS[4], KEYS[5], ARGV[5], ARGV[7])
refresh(ARGV[6], KEYS[1], KEYS[2], KEYS[4])
local reply = { event_id }
for _, id in ipairs(moved) do reply[#reply + 1] = id end
return reply
`;
