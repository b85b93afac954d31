/**
 * The first lines of the create script. KEYS[6]: the prefs hash; ARGV[9]: the field that
 * mutes this type in-app ('' for a type that cannot be muted: no HGET at all). A muted
 * notification returns before the first write: nothing stored, counted or published.
 * HGET fails on a prefs key of the wrong type, also before anything is written.
 */
export const skipIfMutedLua = `
if ARGV[9] ~= '' and redis.call('HGET', KEYS[6], ARGV[9]) == '0' then return false end
`;
