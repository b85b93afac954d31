// Lua helpers of the write scripts.

export const writeHelpers = `
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

-- Makes key live at least ms more from now (a key without expiry gets one).
local function keep(key, ms)
  if ms > 0 and redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
end

-- Appends the event, trims entries older than the replay window (cutoff) and publishes
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
