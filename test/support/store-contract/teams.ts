import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScopeId } from '../../../src/core/model/model.js';
import type { QuizStore } from '../../../src/core/ports/quiz-store.js';
import { type ContractFixtures, weekOf } from './fixtures.js';

/** Joining, leaving and listing teams, and the team leaderboard. */
export function describeTeams(fx: ContractFixtures): void {
  const { award } = fx;

  describe('teams', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it('creates a team on first join and adds later joiners', async () => {
      expect(await store.joinTeam(scope, 'U1', 'ml ops', 'ML Ops')).toEqual({
        kind: 'joined',
        team: { id: 'ml ops', name: 'ML Ops', memberCount: 1 },
        created: true,
        left: null,
      });
      expect(await store.joinTeam(scope, 'U2', 'ml ops', 'ml ops')).toEqual({
        kind: 'joined',
        team: { id: 'ml ops', name: 'ML Ops', memberCount: 2 },
        created: false,
        left: null,
      });
      expect(await store.joinTeam(scope, 'U1', 'ml ops', 'ML OPS')).toEqual({
        kind: 'already-member',
        team: { id: 'ml ops', name: 'ML Ops', memberCount: 2 },
      });
    });

    it('moves a player who joins another team and lets players leave', async () => {
      await store.joinTeam(scope, 'U1', 'alpha', 'Alpha');
      await store.joinTeam(scope, 'U2', 'alpha', 'Alpha');
      expect(await store.joinTeam(scope, 'U1', 'beta', 'Beta')).toEqual({
        kind: 'joined',
        team: { id: 'beta', name: 'Beta', memberCount: 1 },
        created: true,
        left: { id: 'alpha', name: 'Alpha', memberCount: 1 },
      });
      expect(await store.teamOf(scope, 'U1')).toEqual({ id: 'beta', name: 'Beta', memberCount: 1 });
      expect(await store.leaveTeam(scope, 'U2')).toEqual({
        kind: 'left',
        team: { id: 'alpha', name: 'Alpha', memberCount: 0 },
      });
      expect(await store.leaveTeam(scope, 'U2')).toEqual({ kind: 'not-in-team' });
      expect(await store.teamOf(scope, 'U2')).toBeNull();
      expect(await store.teamOf(scope, 'U-none')).toBeNull();
      // A team everyone left is founded anew, under the new founder's spelling.
      expect(await store.joinTeam(scope, 'U3', 'alpha', 'ALPHA')).toMatchObject({
        created: true,
        team: { id: 'alpha', name: 'ALPHA', memberCount: 1 },
      });
    });

    it('lists teams with members, largest first', async () => {
      await store.joinTeam(scope, 'U1', 'c', 'C');
      await store.joinTeam(scope, 'U2', 'b', 'B');
      await store.joinTeam(scope, 'U3', 'b', 'B');
      await store.joinTeam(scope, 'U4', 'a', 'A');
      await store.joinTeam(scope, 'U5', 'd', 'D');
      await store.leaveTeam(scope, 'U5');
      expect(await store.listTeams(scope)).toEqual([
        { id: 'b', name: 'B', memberCount: 2 },
        { id: 'a', name: 'A', memberCount: 1 },
        { id: 'c', name: 'C', memberCount: 1 },
      ]);
      expect(await store.listTeams(`slack:T-${randomUUID()}`)).toEqual([]);
    });
  });

  describe('team leaderboard', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    const join = (playerId: string, teamId: string) =>
      store.joinTeam(scope, playerId, teamId, teamId.toUpperCase());

    it('ranks by average per scoring member, ties by total, and counts members', async () => {
      for (const [player, team] of [
        ['U1', 'alpha'],
        ['U2', 'alpha'],
        ['U3', 'alpha'],
        ['U4', 'beta'],
        ['U5', 'gamma'],
        ['U6', 'delta'],
        ['U7', 'delta'],
        ['U8', 'epsilon'],
        ['U9', 'zeta'],
      ] as const) {
        await join(player, team);
      }
      await award('U1', 20);
      await award('U1', 10);
      await award('U2', 10);
      await award('U4', 20);
      await award('U5', 25);
      await award('U6', 10);
      await award('U7', 10);
      await award('U8', 20);
      const board = await store.teamLeaderboard({ scope, period: 'week', periodKey: weekOf(0), limit: 10 });
      const row = (rank: number, teamId: string, memberCount: number, scorers: number, total: number) => ({
        rank,
        teamId,
        name: teamId.toUpperCase(),
        memberCount,
        scorers,
        total,
        average: total / scorers,
      });
      expect(board).toEqual({
        period: 'week',
        periodKey: weekOf(0),
        entries: [
          row(1, 'gamma', 1, 1, 25),
          row(2, 'alpha', 3, 2, 40),
          row(3, 'beta', 1, 1, 20),
          row(3, 'epsilon', 1, 1, 20),
          row(5, 'delta', 2, 2, 20),
        ],
      });
      const top = await store.teamLeaderboard({ scope, period: 'all', periodKey: 'x', limit: 2 });
      expect(top.periodKey).toBe('all');
      expect(top.entries.map((e) => e.teamId)).toEqual(['gamma', 'alpha']);
    });

    it('credits the team at answer time only, and keeps period buckets apart', async () => {
      await award('U1', 10, 0);
      await join('U1', 'alpha');
      await award('U1', 20, 0);
      await join('U1', 'beta');
      await award('U1', 5, 7);
      const entries = async (period: 'week' | 'all', periodKey: string) =>
        (await store.teamLeaderboard({ scope, period, periodKey, limit: 10 })).entries;
      expect(await entries('week', weekOf(0))).toEqual([
        { rank: 1, teamId: 'alpha', name: 'ALPHA', memberCount: 0, scorers: 1, total: 20, average: 20 },
      ]);
      expect(await entries('week', weekOf(7))).toEqual([
        { rank: 1, teamId: 'beta', name: 'BETA', memberCount: 1, scorers: 1, total: 5, average: 5 },
      ]);
      expect((await entries('all', 'all')).map((e) => [e.teamId, e.total])).toEqual([
        ['alpha', 20],
        ['beta', 5],
      ]);
    });

    it("lists the scope's players once each: named by a daily answer or in a team, with their team", async () => {
      await award('U1', 3, 0, 'Ann <b>');
      await award('U2', 1, 0, 'Bo');
      await store.joinTeam(scope, 'U2', 'alpha', 'Alpha');
      await store.joinTeam(scope, 'U3', 'beta', 'Beta');
      await store.joinTeam(`${scope}-other`, 'U9', 'alpha', 'Alpha');
      const players = await store.scopePlayers(scope);
      expect([...players].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
        { id: 'U1', displayName: 'Ann <b>', teamId: null },
        { id: 'U2', displayName: 'Bo', teamId: 'alpha' },
        // In a team but never named by a daily answer: known by id.
        { id: 'U3', displayName: 'U3', teamId: 'beta' },
      ]);
      await store.leaveTeam(scope, 'U2');
      expect((await store.scopePlayers(scope)).find((p) => p.id === 'U2')).toEqual({
        id: 'U2',
        displayName: 'Bo',
        teamId: null,
      });
    });
  });
}
