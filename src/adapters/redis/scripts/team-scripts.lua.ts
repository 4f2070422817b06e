/**
 * Team membership scripts. KEYS for both: 1 membership (playerId -> teamId), 2 teams (teamId -> name),
 * 3 team sizes (teamId -> member count). Keeping sizes in one hash, rather than a member set per team,
 * keeps every key declared up front even when the player's current team is only known inside the script.
 * A team is the triple {id, name, memberCount}.
 */

const TEAM_VIEW = `
local function view(team)
  return {team, redis.call('HGET', KEYS[2], team) or team, tonumber(redis.call('HGET', KEYS[3], team)) or 0}
end
local function leave(team)
  if redis.call('HINCRBY', KEYS[3], team, -1) <= 0 then redis.call('HDEL', KEYS[3], team) end
end
`;

/*
 * joinTeam. ARGV: 1 playerId, 2 teamId, 3 name.
 * Reply: {'already-member', team} | {'joined', team, created 0/1, left team or nil}
 */
export const JOIN_TEAM_LUA = `${TEAM_VIEW}
local player, teamId = ARGV[1], ARGV[2]
local current = redis.call('HGET', KEYS[1], player)
if current == teamId then return {'already-member', view(teamId)} end
local left = false
if current then
  leave(current)
  left = view(current)
end
-- A team nobody is in any more is founded anew: the new founder's spelling of the name wins.
local created = (tonumber(redis.call('HGET', KEYS[3], teamId)) or 0) == 0
if created then redis.call('HSET', KEYS[2], teamId, ARGV[3]) end
redis.call('HINCRBY', KEYS[3], teamId, 1)
redis.call('HSET', KEYS[1], player, teamId)
return {'joined', view(teamId), created and 1 or 0, left}
`;

/* leaveTeam. ARGV: 1 playerId. Reply: {'not-in-team'} | {'left', team} */
export const LEAVE_TEAM_LUA = `${TEAM_VIEW}
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return {'not-in-team'} end
leave(current)
redis.call('HDEL', KEYS[1], ARGV[1])
return {'left', view(current)}
`;
