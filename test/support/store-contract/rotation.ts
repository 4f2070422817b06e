import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { QuizStore } from '../../../src/core/ports/quiz-store.js';
import type { ContractFixtures } from './fixtures.js';

/** Which questions a channel has been asked in its current cycle. */
export function describeRotation(fx: ContractFixtures): void {
  const { channel } = fx;

  describe('question rotation', () => {
    let store: QuizStore;
    beforeEach(() => {
      ({ store } = fx.current());
    });

    it('remembers asked questions per channel until a new cycle starts', async () => {
      expect(await store.askedQuestions(channel('C1'))).toEqual([]);
      await store.markAsked(channel('C1'), 'q1', false);
      await store.markAsked(channel('C1'), 'q2', false);
      await store.markAsked(channel('C1'), 'q2', false);
      await store.markAsked(channel('C2'), 'q9', false);
      expect((await store.askedQuestions(channel('C1'))).sort()).toEqual(['q1', 'q2']);
      await store.markAsked(channel('C1'), 'q3', true);
      expect(await store.askedQuestions(channel('C1'))).toEqual(['q3']);
      expect(await store.askedQuestions(channel('C2'))).toEqual(['q9']);
      expect(await store.askedQuestions({ scope: `slack:T-${randomUUID()}`, channelId: 'C1' })).toEqual([]);
    });
  });
}
