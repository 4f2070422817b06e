import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Round, ScopeId } from '../../../src/core/model/model.js';
import type { QuizStore } from '../../../src/core/ports/quiz-store.js';
import { type ContractFixtures, DAY, HOUR, T0 } from './fixtures.js';

/** The vote tally a close reveals, due rounds, and claiming the close. */
export function describeClosing(fx: ContractFixtures): void {
  const { round, practice, answer } = fx;

  describe('tally', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it('counts votes per choice and answers in total', async () => {
      const r = await round();
      await answer(r, 'U1', 'A');
      await answer(r, 'U2', 'A');
      await answer(r, 'U3', 'B');
      expect(await store.tally(scope, r.id)).toEqual({ counts: { A: 2, B: 1 }, total: 3, right: 1 });
      const p = await practice('U1');
      await answer(p, 'U1', 'C');
      expect(await store.tally(scope, p.id)).toEqual({ counts: { C: 1 }, total: 1, right: 0 });
      expect(await store.tally(scope, 'no-such-round')).toEqual({ counts: {}, total: 0, right: 0 });
    });
  });

  describe('closing rounds', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it('lists unrevealed daily rounds past closesAt, oldest first, up to the limit', async () => {
      const at = (h: number) => ({ openedAt: T0, closesAt: T0 + h * HOUR });
      const c = await round(at(3));
      const a = await round({ ...at(1), channelId: 'C2' });
      const b = await round(at(2));
      await round(at(10));
      await practice('U1', at(1));
      const ref = (r: Round) => ({ scope, roundId: r.id });
      expect(await store.dueRounds(T0 + 5 * HOUR, 10)).toEqual([ref(a), ref(b), ref(c)]);
      expect(await store.dueRounds(T0 + 5 * HOUR, 2)).toEqual([ref(a), ref(b)]);
      expect(await store.dueRounds(T0 + 2 * HOUR, 10)).toEqual([ref(a), ref(b)]);
      expect(await store.dueRounds(T0, 10)).toEqual([]);
      await store.claimClose(scope, a.id, T0 + 5 * HOUR, 60_000);
      expect(await store.dueRounds(T0 + 5 * HOUR, 10)).toEqual([ref(a), ref(b), ref(c)]);
      await store.markRevealed(scope, b.id);
      expect(await store.dueRounds(T0 + 5 * HOUR, 10)).toEqual([ref(a), ref(c)]);
    });

    it('orders due rounds closing at the same time by id, in binary order', async () => {
      const base = `r-${randomUUID()}`;
      const lower = await round({ id: `${base}-a` });
      const upper = await round({ id: `${base}-B` });
      const refs = await store.dueRounds(lower.closesAt, 10);
      expect(refs.map((r) => r.roundId)).toEqual([upper.id, lower.id]);
    });

    it('lets one caller claim the close at a time, again after the lease, never after the reveal', async () => {
      const r = await round();
      await answer(r, 'U1', 'A');
      await answer(r, 'U2', 'A');
      await answer(r, 'U3', 'B');
      const now = r.closesAt;
      expect(await store.claimClose(scope, r.id, now, 60_000)).toEqual({
        kind: 'claimed',
        round: { ...r, status: 'closed' },
        tally: { counts: { A: 2, B: 1 }, total: 3, right: 1 },
      });
      expect(await store.claimClose(scope, r.id, now + 1000, 60_000)).toEqual({ kind: 'busy' });
      expect(await store.claimClose(scope, r.id, now + 59_999, 60_000)).toEqual({ kind: 'busy' });
      expect(await store.claimClose(scope, r.id, now + 60_000, 60_000)).toMatchObject({ kind: 'claimed' });
      await store.markRevealed(scope, r.id);
      expect(await store.claimClose(scope, r.id, now + DAY, 60_000)).toEqual({ kind: 'already-revealed' });
      expect(await store.getRound(scope, r.id)).toEqual({ ...r, status: 'closed' });
    });

    it('gives exactly one of several concurrent claimers the close', async () => {
      const r = await round();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.claimClose(scope, r.id, r.closesAt, 60_000)),
      );
      expect(results.filter((x) => x.kind === 'claimed')).toHaveLength(1);
      expect(results.filter((x) => x.kind === 'busy')).toHaveLength(9);
    });

    it('may close a round early, and reports unknown rounds', async () => {
      const r = await round();
      expect(await store.claimClose(scope, r.id, r.openedAt, 1000)).toMatchObject({ kind: 'claimed' });
      expect(await answer(r, 'U1', 'B')).toEqual({ kind: 'closed', questionId: 'q1', locale: null });
      expect(await store.claimClose(scope, 'no-such-round', T0, 1000)).toEqual({ kind: 'unknown-round' });
      await store.markRevealed(scope, 'no-such-round');
      expect(await store.getRound(scope, 'no-such-round')).toBeNull();
    });
  });
}
