import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScopeId } from '../../../src/core/model/model.js';
import type { QuizStore } from '../../../src/core/ports/quiz-store.js';
import { type ContractFixtures, monthOf, weekOf } from './fixtures.js';

/** A player's stats, and the per-user locale. */
export function describeStatsAndLocales(fx: ContractFixtures): void {
  const { daily, answer, award } = fx;

  describe('playerStats', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it('reports points, ranks, streaks, counts per domain and team', async () => {
      await store.joinTeam(scope, 'U1', 'alpha', 'Alpha');
      await answer(await daily(0, 'C1', { domain: 'd1' }), 'U1', 'B');
      await answer(await daily(1, 'C1', { domain: 'd2' }), 'U1', 'B');
      await answer(await daily(2, 'C1', { domain: 'd1' }), 'U1', 'A');
      await answer(await daily(3, 'C1', { domain: 'd1' }), 'U1', 'B', { name: 'Uno' });
      await award('U2', 100);
      await award('U3', 31);
      expect(await store.playerStats(scope, 'U1', { week: weekOf(0), month: monthOf(0) })).toEqual({
        playerId: 'U1',
        displayName: 'Uno',
        points: { week: 31, month: 31, all: 31 },
        rank: { week: 2, month: 2, all: 2 },
        streak: 1,
        bestStreak: 2,
        answered: 4,
        correct: 3,
        perDomain: { d1: { answered: 3, correct: 2 }, d2: { answered: 1, correct: 1 } },
        team: { id: 'alpha', name: 'Alpha', memberCount: 1 },
      });
      const nextWeek = await store.playerStats(scope, 'U1', { week: weekOf(7), month: monthOf(0) });
      expect(nextWeek).toMatchObject({
        points: { week: 0, month: 31, all: 31 },
        rank: { week: null, month: 2 },
      });
    });

    it('reports an unknown player as empty', async () => {
      expect(await store.playerStats(scope, 'U-none', { week: weekOf(0), month: monthOf(0) })).toEqual({
        playerId: 'U-none',
        displayName: null,
        points: { week: 0, month: 0, all: 0 },
        rank: { week: null, month: null, all: null },
        streak: 0,
        bestStreak: 0,
        answered: 0,
        correct: 0,
        perDomain: {},
        team: null,
      });
    });

    it('shows a streak as live while it can go on, and as broken once a round closed unanswered', async () => {
      const periods = { week: weekOf(0), month: monthOf(0) };
      await answer(await daily(0), 'U1', 'B');
      await answer(await daily(1), 'U1', 'B');
      expect(await store.playerStats(scope, 'U1', periods)).toMatchObject({ streak: 2, bestStreak: 2 });
      const next = await daily(2);
      expect(await store.playerStats(scope, 'U1', periods)).toMatchObject({ streak: 2, bestStreak: 2 });
      await store.claimClose(scope, next.id, next.closesAt, 60_000);
      expect(await store.playerStats(scope, 'U1', periods)).toMatchObject({ streak: 0, bestStreak: 2 });
    });
  });

  describe('preferences', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it('stores a locale per user and scope', async () => {
      expect(await store.userLocale(scope, 'U1')).toBeNull();
      await store.setUserLocale(scope, 'U1', 'en');
      expect(await store.userLocale(scope, 'U1')).toBe('en');
      await store.setUserLocale(scope, 'U1', 'ja');
      expect(await store.userLocale(scope, 'U1')).toBe('ja');
      expect(await store.userLocale(scope, 'U2')).toBeNull();
      expect(await store.userLocale(`slack:T-${randomUUID()}`, 'U1')).toBeNull();
    });
  });
}
