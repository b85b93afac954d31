import { writeHelpers } from './lua-write-helpers';

/**
 * KEYS: prefs, index, unread, events, channel
 * ARGV: event cutoff ms (the replay window), ttl s, types (comma-separated), channels (comma-separated),
 *       then field, '1' | '0' pairs (field = `<type>:<channel>`)
 * Returns {preferences JSON (every type and channel; unset = true), eventId ('' = unchanged)}.
 * The event carries the same JSON, so every device gets the whole set in stream order.
 */
export const updatePreferencesLua = `#!lua
${writeHelpers}
local changed = {}
for i = 5, #ARGV, 2 do
  local current = redis.call('HGET', KEYS[1], ARGV[i]) or '1'
  if current ~= ARGV[i + 1] then
    changed[#changed + 1] = ARGV[i]
    changed[#changed + 1] = ARGV[i + 1]
  end
end
local channels = {}
for channel in string.gmatch(ARGV[4], '[^,]+') do channels[#channels + 1] = channel end
local function preferences_json()
  local types = {}
  for type in string.gmatch(ARGV[3], '[^,]+') do
    local fields = {}
    for _, channel in ipairs(channels) do fields[#fields + 1] = type .. ':' .. channel end
    local values = redis.call('HMGET', KEYS[1], unpack(fields))
    local parts = {}
    for j, channel in ipairs(channels) do
      parts[j] = '"' .. channel .. '":' .. (values[j] == '0' and 'false' or 'true')
    end
    types[#types + 1] = '"' .. type .. '":{' .. table.concat(parts, ',') .. '}'
  end
  return '{"types":{' .. table.concat(types, ',') .. '}}'
end
if #changed == 0 then return { preferences_json(), '' } end
redis.call('XRANGE', KEYS[4], '-', '+', 'COUNT', 1)
redis.call('HSET', KEYS[1], unpack(changed))
local preferences = preferences_json()
local event = '{"kind":"preferences.updated","preferences":' .. preferences .. '}'
local event_id = append_event(KEYS[4], KEYS[5], ARGV[1], event)
refresh(ARGV[2], KEYS[2], KEYS[3], KEYS[4])
return { preferences, event_id }
`;
