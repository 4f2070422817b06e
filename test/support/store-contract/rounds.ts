import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScopeId } from '../../../src/core/model/model.js';
import type { QuizStore } from '../../../src/core/ports/quiz-store.js';
import { type ContractFixtures, DAY, HOUR, T0 } from './fixtures.js';

/** Creating rounds, numbering them per channel, reading them back. */
export function describeRounds(fx: ContractFixtures): void {
  const { newRound, round, daily, practice, channel } = fx;

  describe('rounds', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it('creates an open round and reads it back', async () => {
      const input = newRound();
      const created = await store.createRound(input);
      expect(created).toEqual({
        id: input.id,
        scope,
        channelId: 'C1',
        questionId: 'q1',
        kind: 'daily',
        status: 'open',
        openedAt: T0,
        closesAt: T0 + 8 * HOUR,
        seq: 1,
      });
      expect(await store.getRound(scope, input.id)).toEqual(created);
    });

    it('returns null for an unknown round or a round of another scope', async () => {
      const r = await round();
      expect(await store.getRound(scope, 'no-such-round')).toBeNull();
      expect(await store.getRound(`slack:T-${randomUUID()}`, r.id)).toBeNull();
    });

    it('numbers daily rounds per channel; practice rounds get 0 and keep their owner', async () => {
      expect((await daily(0, 'C1')).seq).toBe(1);
      expect((await daily(1, 'C1')).seq).toBe(2);
      expect((await daily(1, 'C2')).seq).toBe(1);
      const p = await practice('U9', { channelId: 'C1' });
      expect(p).toMatchObject({ kind: 'practice', seq: 0, ownerId: 'U9' });
      expect(await store.getRound(scope, p.id)).toEqual(p);
      expect((await daily(2, 'C1')).seq).toBe(3);
      const otherScope = `discord:${randomUUID()}`;
      expect((await store.createRound(newRound({ scope: otherScope }))).seq).toBe(1);
    });

    it('stores the message ref; ignores an unknown round', async () => {
      const r = await round();
      await store.setRoundMessage(scope, r.id, '1700000000.000100');
      expect(await store.getRound(scope, r.id)).toEqual({ ...r, messageRef: '1700000000.000100' });
      await store.setRoundMessage(scope, 'no-such-round', 'x');
      expect(await store.getRound(scope, 'no-such-round')).toBeNull();
    });

    it('drops a never-posted round without a reveal and gives its number back, once', async () => {
      await daily(0, 'C1');
      const unposted = await daily(1, 'C1');
      expect(await store.dropUnpostedRound(unposted)).toBe(true);
      expect(await store.dropUnpostedRound(unposted)).toBe(false);
      expect(await store.getRound(scope, unposted.id)).toMatchObject({ status: 'closed' });
      expect(await store.dueRounds(T0 + 10 * DAY, 100)).not.toContainEqual({ scope, roundId: unposted.id });
      // The next round carries the dropped round's number: streaks need consecutive numbers.
      const next = await daily(2, 'C1');
      expect(next.seq).toBe(2);
      // A posted round, or one whose number a later round took, keeps things as they are.
      await store.setRoundMessage(scope, next.id, '1700000000.000100');
      expect(await store.dropUnpostedRound(next)).toBe(false);
      expect(await store.getRound(scope, next.id)).toMatchObject({ status: 'open' });
      const stale = await daily(3, 'C2');
      await daily(4, 'C2');
      expect(await store.dropUnpostedRound(stale)).toBe(true);
      expect((await daily(5, 'C2')).seq).toBe(3);
    });

    it('knows the newest daily round of each channel, open or not', async () => {
      expect(await store.latestDailyRound(channel('C1'))).toBeNull();
      await daily(0, 'C1');
      const second = await daily(1, 'C1');
      const c2 = await daily(1, 'C2');
      await practice('U1', { channelId: 'C1' });
      expect(await store.latestDailyRound(channel('C1'))).toEqual(second);
      expect(await store.latestDailyRound(channel('C2'))).toEqual(c2);
      await store.claimClose(scope, second.id, second.closesAt, 60_000);
      expect(await store.latestDailyRound(channel('C1'))).toEqual({ ...second, status: 'closed' });
    });
  });
}
