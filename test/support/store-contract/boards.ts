import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScopeId } from '../../../src/core/model/model.js';
import type { QuizStore } from '../../../src/core/ports/quiz-store.js';
import { type ContractFixtures, monthOf, weekOf } from './fixtures.js';

/** The player leaderboards: ranks, limits, the viewer, period buckets, names. */
export function describeBoards(fx: ContractFixtures): void {
  const { award } = fx;

  describe('leaderboard', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it('orders by points and shares ranks between equal scores (1, 2, 2, 4)', async () => {
      await award('U-a', 30);
      await award('U-b', 20);
      await award('U-c', 20);
      await award('U-d', 10);
      const board = await store.leaderboard({ scope, period: 'week', periodKey: weekOf(0), limit: 10 });
      expect(board).toEqual({
        period: 'week',
        periodKey: weekOf(0),
        // Equal scores come in reverse member order, as Redis ZRANGE ... REV gives them.
        entries: [
          { rank: 1, playerId: 'U-a', displayName: 'name-U-a', points: 30 },
          { rank: 2, playerId: 'U-c', displayName: 'name-U-c', points: 20 },
          { rank: 2, playerId: 'U-b', displayName: 'name-U-b', points: 20 },
          { rank: 4, playerId: 'U-d', displayName: 'name-U-d', points: 10 },
        ],
        viewer: null,
      });
    });

    it('cuts at the limit and still places the viewer, outside the top too', async () => {
      for (const [i, points] of [50, 40, 30, 30, 10].entries()) await award(`U${i + 1}`, points);
      const query = { scope, period: 'all' as const, periodKey: 'all', limit: 2 };
      const board = await store.leaderboard({ ...query, viewerId: 'U5' });
      expect(board.entries.map((e) => e.playerId)).toEqual(['U1', 'U2']);
      expect(board.viewer).toEqual({ rank: 5, playerId: 'U5', displayName: 'name-U5', points: 10 });
      expect((await store.leaderboard({ ...query, viewerId: 'U3' })).viewer).toMatchObject({
        rank: 3,
        points: 30,
      });
      expect((await store.leaderboard({ ...query, viewerId: 'U4' })).viewer).toMatchObject({
        rank: 3,
        points: 30,
      });
      expect((await store.leaderboard({ ...query, viewerId: 'U2' })).viewer).toEqual(board.entries[1]);
      expect((await store.leaderboard({ ...query, viewerId: 'U-none' })).viewer).toBeNull();
      expect((await store.leaderboard({ ...query, limit: 0 })).entries).toEqual([]);
    });

    it('keeps week, month and all-time boards apart', async () => {
      await award('U1', 20, 0);
      await award('U2', 30, 7);
      await award('U3', 40, 28);
      const ids = async (period: 'week' | 'month' | 'all', periodKey: string) =>
        (await store.leaderboard({ scope, period, periodKey, limit: 10 })).entries.map((e) => e.playerId);
      expect(await ids('week', weekOf(0))).toEqual(['U1']);
      expect(await ids('week', weekOf(7))).toEqual(['U2']);
      expect(await ids('month', monthOf(0))).toEqual(['U2', 'U1']);
      expect(await ids('month', monthOf(28))).toEqual(['U3']);
      expect(await ids('all', 'all')).toEqual(['U3', 'U2', 'U1']);
      expect(await ids('week', '2031-W01')).toEqual([]);
      const all = await store.leaderboard({ scope, period: 'all', periodKey: 'ignored', limit: 1 });
      expect(all.periodKey).toBe('all');
      const other = `slack:T-${randomUUID()}`;
      expect(
        (await store.leaderboard({ scope: other, period: 'all', periodKey: 'all', limit: 10 })).entries,
      ).toEqual([]);
    });

    it('shows the name from the latest daily answer', async () => {
      await award('U1', 10, 0, 'Old Name');
      await award('U1', 10, 1, 'New Name');
      const board = await store.leaderboard({ scope, period: 'all', periodKey: 'all', limit: 10 });
      expect(board.entries).toEqual([{ rank: 1, playerId: 'U1', displayName: 'New Name', points: 20 }]);
    });
  });
}
