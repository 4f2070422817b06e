import type { ScopeId, Team } from '../../core/model/model.js';
import type { JoinTeamResult, LeaveTeamResult, ScopePlayer } from '../../core/ports/quiz-store.js';
import { replyArray, replyNumber, replyString } from './redis-replies.js';
import type { RedisStoreContext } from './redis-store-context.js';

function teamKeys(ctx: RedisStoreContext, scope: ScopeId): string[] {
  return [ctx.keys.membership(scope), ctx.keys.teams(scope), ctx.keys.teamSizes(scope)];
}

/** A `{id, name, memberCount}` triple from a team script. */
function teamFromReply(reply: unknown): Team {
  const [id, name, count] = replyArray(reply, 'team');
  return {
    id: replyString(id, 'team'),
    name: replyString(name, 'team'),
    memberCount: replyNumber(count, 'team'),
  };
}

export async function joinTeam(
  ctx: RedisStoreContext,
  scope: ScopeId,
  playerId: string,
  teamId: string,
  name: string,
): Promise<JoinTeamResult> {
  const reply = replyArray(
    await ctx.scripts.run('pqJoinTeam', teamKeys(ctx, scope), [playerId, teamId, name]),
    'joinTeam',
  );
  if (replyString(reply[0], 'joinTeam') === 'already-member') {
    return { kind: 'already-member', team: teamFromReply(reply[1]) };
  }
  return {
    kind: 'joined',
    team: teamFromReply(reply[1]),
    created: replyNumber(reply[2], 'joinTeam') === 1,
    left: reply[3] === null || reply[3] === undefined ? null : teamFromReply(reply[3]),
  };
}

export async function leaveTeam(
  ctx: RedisStoreContext,
  scope: ScopeId,
  playerId: string,
): Promise<LeaveTeamResult> {
  const reply = replyArray(
    await ctx.scripts.run('pqLeaveTeam', teamKeys(ctx, scope), [playerId]),
    'leaveTeam',
  );
  if (replyString(reply[0], 'leaveTeam') === 'not-in-team') return { kind: 'not-in-team' };
  return { kind: 'left', team: teamFromReply(reply[1]) };
}

/** Teams with members, largest first (ties by id), as the memory store orders them. */
export async function listTeams(ctx: RedisStoreContext, scope: ScopeId): Promise<Team[]> {
  const [names, sizes] = await Promise.all([
    ctx.client.hgetall(ctx.keys.teams(scope)),
    ctx.client.hgetall(ctx.keys.teamSizes(scope)),
  ]);
  return Object.entries(sizes)
    .map(([id, size]) => ({ id, name: names[id] ?? id, memberCount: Number(size) }))
    .filter((team) => team.memberCount > 0)
    .sort((a, b) => b.memberCount - a.memberCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The names hash and the membership hash, read together (one pipelined round trip). */
export async function scopePlayers(ctx: RedisStoreContext, scope: ScopeId): Promise<ScopePlayer[]> {
  const [names, membership] = await Promise.all([
    ctx.client.hgetall(ctx.keys.names(scope)),
    ctx.client.hgetall(ctx.keys.membership(scope)),
  ]);
  const ids = new Set([...Object.keys(names), ...Object.keys(membership)]);
  return [...ids].map((id) => ({ id, displayName: names[id] ?? id, teamId: membership[id] ?? null }));
}

export async function teamOf(ctx: RedisStoreContext, scope: ScopeId, playerId: string): Promise<Team | null> {
  const teamId = await ctx.client.hget(ctx.keys.membership(scope), playerId);
  if (teamId === null) return null;
  const [name, size] = await Promise.all([
    ctx.client.hget(ctx.keys.teams(scope), teamId),
    ctx.client.hget(ctx.keys.teamSizes(scope), teamId),
  ]);
  return { id: teamId, name: name ?? teamId, memberCount: Number(size ?? 0) };
}
