import { beforeEach, describe, expect, it } from 'vitest';
import type { ScopeId } from '../../../src/core/model/model.js';
import type { QuizStore } from '../../../src/core/ports/quiz-store.js';
import { type ContractFixtures, HOUR } from './fixtures.js';

/**
 * Multiple select ("choose two") and the round's display order: one choice value holds the set of picked
 * keys (sorted, comma-joined), judged as an exact set in the same atomic step as every answer.
 */
export function describeMultiSelect(fx: ContractFixtures): void {
  const { round, answer } = fx;
  const chooseTwo = { answerKey: 'B,D', choiceKeys: ['A', 'B', 'C', 'D', 'E'] };

  describe('multiple select and display order', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it('scores only the exact set, counts every picked option and the wholly right answers', async () => {
      const r = await round(chooseTwo);
      expect(await answer(r, 'U1', 'B,D')).toMatchObject({ kind: 'recorded', correct: true, points: 10 });
      expect(await answer(r, 'U2', 'A,B')).toMatchObject({
        kind: 'recorded',
        correct: false,
        points: 0,
        streak: 0,
      });
      expect(await answer(r, 'U3', 'D,E')).toMatchObject({
        kind: 'recorded',
        correct: false,
        answerCount: 3,
      });
      expect(await store.tally(scope, r.id)).toEqual({
        counts: { A: 1, B: 2, D: 2, E: 1 },
        total: 3,
        right: 1,
      });
    });

    it('keeps the first set: a duplicate reports it, however the second is picked', async () => {
      const r = await round(chooseTwo);
      await answer(r, 'U1', 'A,C');
      expect(await answer(r, 'U1', 'B,D')).toEqual({
        kind: 'duplicate',
        questionId: 'q1',
        previousChoice: 'A,C',
        locale: null,
      });
      expect(await store.tally(scope, r.id)).toEqual({ counts: { A: 1, C: 1 }, total: 1, right: 0 });
    });

    it('refuses a set of the wrong size, out of order, with repeats or unknown keys, and counts nothing', async () => {
      const r = await round(chooseTwo);
      for (const choice of ['B', 'B,C,D', 'D,B', 'B,B', 'B,Z', 'B,', ',B', '', 'B,,D']) {
        expect(await answer(r, 'U1', choice), choice).toEqual({ kind: 'unknown-round', locale: null });
      }
      // A single-answer round refuses sets too.
      const single = await round();
      expect(await answer(single, 'U1', 'A,B')).toEqual({ kind: 'unknown-round', locale: null });
      expect(await store.tally(scope, r.id)).toEqual({ counts: {}, total: 0, right: 0 });
      // Nothing was spent: the player's first real answer still counts.
      expect(await answer(r, 'U1', 'B,D')).toMatchObject({ kind: 'recorded', correct: true });
    });

    it('refuses unknown keys the same way when the round keeps a display order', async () => {
      const r = await round({ ...chooseTwo, choiceOrder: ['C', 'A', 'E', 'D', 'B'] });
      for (const choice of ['B,Z', 'F', 'A,F', 'B,CD']) {
        expect(await answer(r, 'U1', choice), choice).toEqual({ kind: 'unknown-round', locale: null });
      }
      expect(await answer(r, 'U1', 'B,D')).toMatchObject({ kind: 'recorded', correct: true });
    });

    it('keeps the display order with the round and hands it back with every answer', async () => {
      const order = ['C', 'A', 'E', 'D', 'B'];
      const r = await round({ ...chooseTwo, choiceOrder: order });
      expect(r.choiceOrder).toEqual(order);
      expect((await store.getRound(scope, r.id))?.choiceOrder).toEqual(order);
      expect(await answer(r, 'U1', 'B,D')).toMatchObject({ kind: 'recorded', choiceOrder: order });
      expect(await answer(r, 'U1', 'A,B')).toMatchObject({ kind: 'duplicate', choiceOrder: order });
      expect(await answer(r, 'U2', 'A,B', { now: r.closesAt })).toMatchObject({
        kind: 'closed',
        choiceOrder: order,
      });
      const claimed = await store.claimClose(scope, r.id, r.openedAt + HOUR, 60_000);
      expect(claimed).toMatchObject({ kind: 'claimed', round: { choiceOrder: order } });
    });

    it('leaves rounds opened without an order as they were: no order comes back', async () => {
      const r = await round();
      expect((await store.getRound(scope, r.id))?.choiceOrder).toBeUndefined();
      expect(await answer(r, 'U1', 'B')).not.toHaveProperty('choiceOrder');
    });
  });
}
