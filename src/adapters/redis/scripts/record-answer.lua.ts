/**
 * recordAnswer as one Lua script: the whole answer path is a single EVALSHA, so "first answer wins",
 * "score once" and the board updates are one atomic step (and a failed call wrote nothing).
 * The semantics are the memory store's (`src/adapters/memory/memory-answers.ts`); the contract suite
 * holds both to them. Keys are in `docs/redis-keys.md`; all share the scope's hash tag.
 */

import { REVIEW_LOG_LIMIT } from '../../../core/ports/learning-store.js';

/** KEYS, in order. The argument builder in `redis-answers.ts` follows this list. */
export const RECORD_ANSWER_KEYS = [
  'round',
  'answers',
  'player',
  'names',
  'membership',
  'boardWeek',
  'boardMonth',
  'boardAll',
  'teamBoardWeek',
  'teamBoardMonth',
  'teamBoardAll',
  'teamScorersWeek',
  'teamScorersMonth',
  'teamScorersAll',
  'teamScorerCountsWeek',
  'teamScorerCountsMonth',
  'teamScorerCountsAll',
  'locales',
  // Learning (issue 14): the player's review log and the scope's item counters.
  'reviewLog',
  'items',
] as const;

/*
 * ARGV: 1 playerId, 2 choice (one key, or a multiple-select set as sorted comma-joined keys `B,D`), 3 now (epoch ms), 4 displayName, 5 week expiresAt (ms), 6 month expiresAt (ms),
 *       7.. points by streak before the answer (the last entry covers longer streaks).
 * Reply: {'unknown-round', locale} | {'closed', questionId, order, locale}
 *      | {'duplicate', questionId, previousChoice, order, locale}
 *      | {'recorded', questionId, kind, correct 0/1, points, streak, week, all, answerCount, order, locale}
 * week and all are the player's points after the answer; the month's is left out, as the feedback does not
 * show it, so a wrong answer costs two ZSCOREs, not three.
 * locale: the player's /quiz lang choice, or ''; order: the round's display order `C,A,D,B`, or ''
 * (both read here so the reply costs no second round trip).
 */
export const RECORD_ANSWER_LUA = `
local player, choice, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local locale = redis.call('HGET', KEYS[18], player) or ''

-- A period key gets its expiry once, when it is created; all-time keys (at = nil) never expire.
-- Callers only ask when they just added a new member: a new key always starts with one.
local function expireOnce(key, at)
  if at and redis.call('PTTL', key) == -1 then redis.call('PEXPIREAT', key, at) end
end

-- ZINCRBY: the member's new score, and whether the member is new (its score is exactly the increment).
local function add(key, points, member)
  local score = tonumber(redis.call('ZINCRBY', key, points, member))
  return score == points, score
end

local round = redis.call('HMGET', KEYS[1],
  'questionId', 'status', 'closesAt', 'kind', 'answerKey', 'channelId', 'seq', 'domain', 'expiresAt',
  'choiceOrder', 'questionVersion')
local questionId = round[1]
local order = round[10] or ''
if not questionId then return {'unknown-round', locale} end
-- The picked keys: as many as the answer has, ascending without repeats (the one stored form), and each
-- with its counter field 'n:<key>' (created with the round): anything else is a stale or forged payload.
local picks = {}
for key in string.gmatch(choice, '[^,]+') do picks[#picks + 1] = key end
local _, commas = string.gsub(round[5], ',', '')
local valid = #picks == commas + 1 and #picks == select(2, string.gsub(choice, ',', '')) + 1
for i, key in ipairs(picks) do
  if not valid then break end
  -- The display order lists every key of the round, so it answers "does this choice exist" without a
  -- command; rounds opened before it was stored ask for the key's counter instead.
  local exists = order ~= '' and string.find(',' .. order .. ',', ',' .. key .. ',', 1, true) ~= nil
    or order == '' and redis.call('HEXISTS', KEYS[1], 'n:' .. key) == 1
  valid = (i == 1 or picks[i - 1] < key) and exists
end
if not valid then return {'unknown-round', locale} end
if round[2] ~= 'open' or now >= tonumber(round[3]) then
  return {'closed', questionId, order, locale}
end
if redis.call('HSETNX', KEYS[2], player, choice) == 0 then
  return {'duplicate', questionId, redis.call('HGET', KEYS[2], player), order, locale}
end
local answerCount = redis.call('HLEN', KEYS[2])
-- The answers live exactly as long as their round.
if answerCount == 1 then redis.call('PEXPIREAT', KEYS[2], round[9]) end
for _, key in ipairs(picks) do redis.call('HINCRBY', KEYS[1], 'n:' .. key, 1) end

local kind = round[4]
-- Only the exact set is right.
local correct = choice == round[5]
if correct then redis.call('HINCRBY', KEYS[1], 'right', 1) end
local points = 0
-- The player's week, month and all-time points; a scored answer learns them from its ZINCRBYs.
local totals = {}
local domain = round[8]
-- The daily counters are read here with the streak and written back in the HSET below, rather than
-- bumped one HINCRBY each: the script is atomic, so read-then-write is as safe and four calls cheaper.
local state = redis.call('HMGET', KEYS[3], 'streak', 'best', 'lastChannel', 'lastSeq',
  'answered', 'correct', 'da:' .. domain, 'dc:' .. domain)
-- Practice leaves the streak alone; the stored one is reported back unchanged.
local streak = tonumber(state[1]) or 0

if kind == 'daily' then
  local best = tonumber(state[2]) or 0
  local channel, seq = round[6], tonumber(round[7])
  -- A streak carries on only from the channel's previous daily round: a missed round breaks it.
  local before = 0
  if state[3] == channel and tonumber(state[4]) == seq - 1 then before = streak end
  if correct then
    local size = #ARGV - 6
    if size > 0 then points = tonumber(ARGV[6 + math.min(before + 1, size)]) end
    streak = before + 1
    if streak > best then best = streak end
  else
    streak = 0
  end
  local right = correct and 1 or 0
  redis.call('HSET', KEYS[3], 'streak', streak, 'best', best, 'lastChannel', channel, 'lastSeq', seq,
    'answered', (tonumber(state[5]) or 0) + 1, 'correct', (tonumber(state[6]) or 0) + right,
    'da:' .. domain, (tonumber(state[7]) or 0) + 1, 'dc:' .. domain, (tonumber(state[8]) or 0) + right)
  -- Boards show the name from the latest answer, so they never need a platform API call.
  redis.call('HSET', KEYS[4], player, ARGV[4])

  if points > 0 then
    local expiresAt = {ARGV[5], ARGV[6], nil}
    -- The team at answer time gets the points; switching teams later does not move them.
    local team = redis.call('HGET', KEYS[5], player)
    for i = 1, 3 do
      local new, score = add(KEYS[5 + i], points, player)
      totals[i] = score
      if new then expireOnce(KEYS[5 + i], expiresAt[i]) end
      if team then
        if add(KEYS[8 + i], points, team) then expireOnce(KEYS[8 + i], expiresAt[i]) end
        -- Team boards rank by average per member who scored: count each scorer once per bucket.
        if redis.call('SADD', KEYS[11 + i], player .. '\\n' .. team) == 1 then
          redis.call('HINCRBY', KEYS[14 + i], team, 1)
          expireOnce(KEYS[11 + i], expiresAt[i])
          expireOnce(KEYS[14 + i], expiresAt[i])
        end
      end
    end
  end
end

-- ===== Learning (issue 14): review log and item statistics =====
-- Every recorded answer feeds the player's review log (FSRS cards and readiness are derived from it
-- when read); entry: at|questionId|right 1/0|domain|round kind. Only the newest entries are kept; the
-- trim runs only once the log is full, so a normal answer costs one command here.
if redis.call('RPUSH', KEYS[19], ARGV[3] .. '|' .. questionId .. '|' .. (correct and 1 or 0) .. '|' .. domain .. '|' .. kind) > ${REVIEW_LOG_LIMIT} then
  redis.call('LTRIM', KEYS[19], -${REVIEW_LOG_LIMIT}, -1)
end
-- Item statistics per question version, players' first answers only, in one hash per scope (one key
-- more per click, not two): 'f|<item>|<player>' = 1 or 0 records who answered first and whether rightly
-- (the answered and right counts are read from these), 'o|<item>|<key>' counts the picks per key; a
-- multiple-select answer is one choice value of comma-separated keys, each of them counted.
local version = round[11]
if version then
  local item = questionId .. '@' .. version
  if redis.call('HSETNX', KEYS[20], 'f|' .. item .. '|' .. player, correct and 1 or 0) == 1 then
    for key in string.gmatch(choice, '[^,]+') do redis.call('HINCRBY', KEYS[20], 'o|' .. item .. '|' .. key, 1) end
  end
end
-- ===== end of learning =====

totals[1] = totals[1] or tonumber(redis.call('ZSCORE', KEYS[6], player)) or 0
totals[3] = totals[3] or tonumber(redis.call('ZSCORE', KEYS[8], player)) or 0
return {'recorded', questionId, kind, correct and 1 or 0, points, streak, totals[1], totals[3], answerCount, order, locale}
`;
