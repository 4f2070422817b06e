/*
 * The mock exam's scripts (docs/redis-keys.md). An exam is one HASH per player: its frozen fields (id, form,
 * section, items JSON, startedAt, deadline, count, and per question `k:<i>` its valid keys and `n:<i>` how many
 * to pick) and its moving ones (status, position, rev, asked, `a:<i>` answers, `f:<i>` flags).
 */

/*
 * startExam. KEYS: 1 the player's exam. ARGV: 1 expire-at (epoch ms), then field, value pairs of the new exam.
 * Reply: {'already-open', fields} when the player's exam is open (unchanged), else {'started', fields}.
 */
export const START_EXAM_LUA = `
if redis.call('HGET', KEYS[1], 'status') == 'open' then
  return {'already-open', redis.call('HGETALL', KEYS[1])}
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
return {'started', redis.call('HGETALL', KEYS[1])}
`;

/*
 * updateExam: one click. KEYS: 1 the player's exam. ARGV: 1 exam id, 2 now, 3 grace ms, 4 new position,
 * 5 answered index or '', 6 the answer (sorted comma-joined keys), 7 index to toggle the flag of or '',
 * 8 submit-asked time or '', 9 '1' for every field, '0' for the moving ones only (the caller has the frozen
 * ones: they never change). Reply: {'not-open'} | {'expired', fields} | {'bad-choice', fields, picks} |
 * {'updated', fields}. Refused answers write nothing.
 */
export const UPDATE_EXAM_LUA = `
local h = KEYS[1]
local function fields()
  if ARGV[9] == '1' then return redis.call('HGETALL', h) end
  local names = {'id', 'status', 'position', 'rev', 'asked', 'deadline', 'submittedAt'}
  for i = 0, tonumber(redis.call('HGET', h, 'count')) - 1 do
    names[#names + 1] = 'a:' .. i
    names[#names + 1] = 'f:' .. i
  end
  local values = redis.call('HMGET', h, unpack(names))
  local out = {}
  for i, name in ipairs(names) do
    if values[i] then
      out[#out + 1] = name
      out[#out + 1] = values[i]
    end
  end
  return out
end
local state = redis.call('HMGET', h, 'id', 'status', 'deadline', 'count')
if state[1] ~= ARGV[1] or state[2] ~= 'open' then return {'not-open'} end
if tonumber(ARGV[2]) > tonumber(state[3]) + tonumber(ARGV[3]) then return {'expired', fields()} end
local count = tonumber(state[4])
if ARGV[5] ~= '' then
  local spec = redis.call('HMGET', h, 'k:' .. ARGV[5], 'n:' .. ARGV[5])
  if not spec[1] then return {'not-open'} end
  local picks = tonumber(spec[2])
  local n = 0
  for key in string.gmatch(ARGV[6], '[^,]+') do
    n = n + 1
    if not string.find(',' .. spec[1] .. ',', ',' .. key .. ',', 1, true) then
      return {'bad-choice', fields(), picks}
    end
  end
  if n ~= picks then return {'bad-choice', fields(), picks} end
  redis.call('HSET', h, 'a:' .. ARGV[5], ARGV[6])
end
if ARGV[7] ~= '' then
  local i = tonumber(ARGV[7])
  if i >= 0 and i < count and redis.call('HDEL', h, 'f:' .. i) == 0 then redis.call('HSET', h, 'f:' .. i, '1') end
end
if ARGV[8] ~= '' then redis.call('HSET', h, 'asked', ARGV[8]) end
redis.call('HSET', h, 'position', math.max(0, math.min(count - 1, tonumber(ARGV[4]))))
redis.call('HINCRBY', h, 'rev', 1)
return {'updated', fields()}
`;

/*
 * submitExam. KEYS: 1 the player's exam, 2 their exam log, 3 the scope's item statistics, 4 their results.
 * ARGV: 1 exam id, 2 revision scored, 3 now, 4 result JSON, 5 results kept, 6 exam log entries kept,
 * 7 playerId, 8 number of log lines L, 9..8+L the log lines, then triples (questionId@version, 1/0 right,
 * picked keys) of the answered questions. Reply: 'not-open' | 'changed' | 'submitted'.
 */
export const SUBMIT_EXAM_LUA = `
local h = KEYS[1]
local state = redis.call('HMGET', h, 'id', 'status', 'rev')
if state[1] ~= ARGV[1] or state[2] ~= 'open' then return 'not-open' end
if state[3] ~= ARGV[2] then return 'changed' end
redis.call('HSET', h, 'status', 'submitted', 'submittedAt', ARGV[3])
local lines = tonumber(ARGV[8])
for i = 9, 8 + lines do redis.call('RPUSH', KEYS[2], ARGV[i]) end
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[6]), -1)
local player = ARGV[7]
for i = 9 + lines, #ARGV - 2, 3 do
  local item = ARGV[i]
  if redis.call('HSETNX', KEYS[3], 'f|' .. item .. '|' .. player, ARGV[i + 1]) == 1 then
    for key in string.gmatch(ARGV[i + 2], '[^,]+') do redis.call('HINCRBY', KEYS[3], 'o|' .. item .. '|' .. key, 1) end
  end
end
redis.call('LPUSH', KEYS[4], ARGV[4])
redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[5]) - 1)
return 'submitted'
`;

/*
 * advanceMockDay. KEYS: 1 the mock day. ARGV: 1 status from, 2 status to. Reply: 1 when this call moved it.
 */
export const ADVANCE_MOCK_DAY_LUA = `
if redis.call('HGET', KEYS[1], 'status') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[2])
return 1
`;
