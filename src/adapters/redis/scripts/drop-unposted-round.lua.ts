/*
 * dropUnpostedRound. KEYS: 1 round, 2 the channel's seq counter. Reply: 1 dropped, 0 left alone.
 * A round whose question never reached the channel ends without a reveal, and its number goes back to
 * the counter when no later round took one since: the next round then carries the same number, and a
 * streak (which needs consecutive numbers) is not broken by a question nobody could see.
 */
export const DROP_UNPOSTED_ROUND_LUA = `
local r = redis.call('HMGET', KEYS[1], 'revealed', 'messageRef', 'seq', 'kind')
if not r[1] or r[1] == '1' or r[2] then return 0 end
redis.call('HSET', KEYS[1], 'status', 'closed', 'revealed', '1')
if r[4] == 'daily' and redis.call('GET', KEYS[2]) == r[3] then redis.call('DECR', KEYS[2]) end
return 1
`;
