/**
 * The Lua scripts of the round lifecycle. Each touches keys of one scope only (one Cluster slot);
 * the cross-scope due index is updated by the caller with single-key commands.
 */

/*
 * createRound. KEYS: 1 round, 2 channel seq counter, 3 channel latest-daily pointer.
 * ARGV: 1 kind, 2 expiresAt (epoch ms), 3 roundId, 4.. field/value pairs of the round hash.
 * Reply: the round's seq (0 for practice).
 */
export const CREATE_ROUND_LUA = `
-- Idempotent: a create retried after a lost reply must not take a second sequence number.
local existing = redis.call('HGET', KEYS[1], 'seq')
if existing then return tonumber(existing) end
local seq = 0
if ARGV[1] == 'daily' then
  seq = redis.call('INCR', KEYS[2])
  redis.call('SET', KEYS[3], ARGV[3])
end
redis.call('HSET', KEYS[1], 'seq', seq, unpack(ARGV, 4))
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return seq
`;

/*
 * claimClose. KEYS: 1 round, 2 answers. ARGV: 1 now (ms), 2 lease end (ms).
 * Reply: {'unknown-round'} | {'already-revealed'} | {'busy'} | {'claimed', {round hash as field, value...}, answerCount}
 */
export const CLAIM_CLOSE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'unknown-round'} end
local state = redis.call('HMGET', KEYS[1], 'revealed', 'claimUntil')
if state[1] == '1' then return {'already-revealed'} end
-- A live lease means another replica is revealing it; once the lease ends anyone may take over.
if (tonumber(state[2]) or 0) > tonumber(ARGV[1]) then return {'busy'} end
redis.call('HSET', KEYS[1], 'status', 'closed', 'claimUntil', ARGV[2])
return {'claimed', redis.call('HGETALL', KEYS[1]), redis.call('HLEN', KEYS[2])}
`;

/* markRevealed. KEYS: 1 round. Writes nothing for a missing round (HSET would create a stub). */
export const MARK_REVEALED_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', 'closed', 'revealed', '1')
return 1
`;

/* setRoundMessage. KEYS: 1 round. ARGV: 1 messageRef. Writes nothing for a missing round. */
export const SET_ROUND_MESSAGE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'messageRef', ARGV[1])
return 1
`;

/* markAsked. KEYS: 1 the channel's asked set. ARGV: 1 '1' to start a new cycle, 2 questionId. */
export const MARK_ASKED_LUA = `
if ARGV[1] == '1' then redis.call('DEL', KEYS[1]) end
redis.call('SADD', KEYS[1], ARGV[2])
return 1
`;
