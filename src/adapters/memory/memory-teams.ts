import type { ScopeId, Team } from '../../core/model/model.js';
import type { JoinTeamResult, LeaveTeamResult, ScopePlayer } from '../../core/ports/quiz-store.js';
import type { MemoryState, TeamRecord } from './memory-state.js';

export function joinTeam(
  state: MemoryState,
  scope: ScopeId,
  playerId: string,
  teamId: string,
  name: string,
): JoinTeamResult {
  const teams = state.teams.get(scope) ?? new Map<string, TeamRecord>();
  state.teams.set(scope, teams);
  const key = `${scope}|${playerId}`;
  const current = state.membership.get(key);
  if (current === teamId) return { kind: 'already-member', team: teamView(teamId, teams) };
  let left: Team | null = null;
  if (current) {
    teams.get(current)?.members.delete(playerId);
    left = teamView(current, teams);
  }
  const existing = teams.get(teamId);
  // A team everyone left is founded anew, under the new founder's spelling of its name.
  const created = !existing || existing.members.size === 0;
  const record = existing ?? { name, members: new Set<string>() };
  if (created) record.name = name;
  record.members.add(playerId);
  teams.set(teamId, record);
  state.membership.set(key, teamId);
  return { kind: 'joined', team: teamView(teamId, teams), created, left };
}

export function leaveTeam(state: MemoryState, scope: ScopeId, playerId: string): LeaveTeamResult {
  const key = `${scope}|${playerId}`;
  const current = state.membership.get(key);
  const teams = state.teams.get(scope);
  if (!current || !teams) return { kind: 'not-in-team' };
  teams.get(current)?.members.delete(playerId);
  state.membership.delete(key);
  return { kind: 'left', team: teamView(current, teams) };
}

/** Empty teams stay stored (their board points still show) but are not listed. */
export function listTeams(state: MemoryState, scope: ScopeId): Team[] {
  const teams = state.teams.get(scope) ?? new Map<string, TeamRecord>();
  return [...teams.keys()]
    .map((id) => teamView(id, teams))
    .filter((t) => t.memberCount > 0)
    .sort((a, b) => b.memberCount - a.memberCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function teamOf(state: MemoryState, scope: ScopeId, playerId: string): Team | null {
  const current = state.membership.get(`${scope}|${playerId}`);
  const teams = state.teams.get(scope);
  return current && teams ? teamView(current, teams) : null;
}

export function scopePlayers(state: MemoryState, scope: ScopeId): ScopePlayer[] {
  const prefix = `${scope}|`;
  const players = new Map<string, ScopePlayer>();
  for (const [key, name] of state.names) {
    if (!key.startsWith(prefix)) continue;
    const id = key.slice(prefix.length);
    players.set(id, { id, displayName: name, teamId: null });
  }
  for (const [key, teamId] of state.membership) {
    if (!key.startsWith(prefix)) continue;
    const id = key.slice(prefix.length);
    players.set(id, { id, displayName: players.get(id)?.displayName ?? id, teamId });
  }
  return [...players.values()];
}

function teamView(teamId: string, teams: Map<string, TeamRecord>): Team {
  const record = teams.get(teamId);
  return { id: teamId, name: record?.name ?? teamId, memberCount: record?.members.size ?? 0 };
}
