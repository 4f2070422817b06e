/**
 * fileReport. KEYS: 1 the question's open reports (playerId -> JSON), 2 reported question ids,
 * 3 suspended question ids. ARGV: 1 playerId, 2 questionId, 3 report JSON, 4 reporters that suspend.
 * Reply: {'duplicate'} | {'filed', reporters, suspended 0/1}. One script, so the third reporter always
 * suspends, however the reports interleave.
 */
export const FILE_REPORT_LUA = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 0 then return {'duplicate'} end
redis.call('SADD', KEYS[2], ARGV[2])
local reporters = redis.call('HLEN', KEYS[1])
if reporters >= tonumber(ARGV[4]) then redis.call('SADD', KEYS[3], ARGV[2]) end
return {'filed', reporters, redis.call('SISMEMBER', KEYS[3], ARGV[2])}
`;

/*
 * dismissReports. KEYS: 1 the question's open reports, 2 reported question ids. ARGV: 1 questionId.
 * Reply: how many reports were open.
 */
export const DISMISS_REPORTS_LUA = `
local count = redis.call('HLEN', KEYS[1])
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return count
`;

/*
 * restoreQuestion. KEYS: 1 the question's open reports, 2 reported question ids, 3 suspended ids.
 * ARGV: 1 questionId. Reply: 1 when it was suspended (its reports are then closed too), else 0.
 */
export const RESTORE_QUESTION_LUA = `
if redis.call('SREM', KEYS[3], ARGV[1]) == 0 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return 1
`;
