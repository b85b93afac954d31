// Lua helpers shared by the read and write scripts: where an item is, and its state. They
// only read, so read-only (no-writes) scripts can use them too.

export const viewHelpers = `
-- The view holding an item ('inbox', 'archived' or 'snoozed') and its score there; nil when
-- it is in none or has expired. Snoozed items do not expire by the cutoff: they wake first.
local function locate(id, index, archived, snoozed, cutoff)
  local score = redis.call('ZSCORE', index, id)
  if score then
    if tonumber(score) >= cutoff then return 'inbox', score end
    return nil
  end
  score = redis.call('ZSCORE', archived, id)
  if score then
    if tonumber(score) >= cutoff then return 'archived', score end
    return nil
  end
  score = redis.call('ZSCORE', snoozed, id)
  if score then return 'snoozed', score end
  return nil
end

-- The stored notification with its current state; nil if the hash is gone.
local function read_state(key)
  local v = redis.call('HMGET', key, 'data', 'readAt', 'updatedAt', 'archivedAt', 'snoozedUntil')
  if not v[1] then return nil end
  return {
    data = v[1], read_at = v[2] or '', updated_at = v[3] or '',
    archived_at = v[4] or '', snoozed_until = v[5] or '',
  }
end

local function state_reply(head, s)
  return { head, s.data, s.read_at, s.updated_at, s.archived_at, s.snoozed_until }
end
`;
