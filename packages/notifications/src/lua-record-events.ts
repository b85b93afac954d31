import { writeHelpers } from './lua-write-helpers';

/**
 * KEYS: index, unread, events, channel
 * ARGV: event JSON, event cutoff ms (the replay window), ttl s
 * Appends one event that is not a notification (a record changed), publishes it like every
 * other event and returns its id. index and unread are only given their shared expiry.
 */
export const publishEventLua = `#!lua
${writeHelpers}
check_type(KEYS[1], 'zset')
check_type(KEYS[2], 'zset')
check_type(KEYS[3], 'stream')
local event_id = append_event(KEYS[3], KEYS[4], ARGV[2], ARGV[1])
refresh(ARGV[3], KEYS[1], KEYS[2], KEYS[3])
return event_id
`;
