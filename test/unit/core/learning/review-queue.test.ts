import { describe, expect, it } from 'vitest';
import { LearningCommands } from '../../../../src/core/commands/learning-commands.js';
import { REVIEWS_PER_DAY } from '../../../../src/core/learning/review-queue.js';
import { cardsFromLog } from '../../../../src/core/learning/review-schedule.js';
import { messagesFor } from '../../../../src/core/presentation/messages/index.js';
import { PRACTICE_ROUND_MS } from '../../../../src/core/rounds/quiz-engine.js';
import { someQuestions } from '../../../support/builders.js';
import { anEngine, CHANNEL } from '../../../support/engine-fixture.js';

const DAY = 86_400_000;
const m = messagesFor('en');
const ctx = { scope: CHANNEL.scope, channelId: CHANNEL.channelId, userId: 'U1', displayName: 'Alice' };

/** An engine, its learning commands, and a way to answer a given question as a practice round. */
function aLearner(questionCount = 5) {
  const fixture = anEngine({ questions: someQuestions(questionCount) });
  const learning = new LearningCommands(fixture.engine);
  const answerQuestion = async (questionId: string, right: boolean, userId = 'U1') => {
    const started = await fixture.engine.startRound({
      channel: CHANNEL,
      kind: 'practice',
      ownerId: userId,
      questionId,
    });
    if (started.kind !== 'started') throw new Error('no round');
    return fixture.engine.submitAnswer({
      scope: CHANNEL.scope,
      roundId: started.round.id,
      player: { id: userId, displayName: userId },
      choice: right ? 'B' : 'A',
    });
  };
  return { ...fixture, learning, answerQuestion };
}

describe('FSRS review queue derived from the review log', () => {
  it('schedules Again after 1 day, Hard ("I guessed") after 2, Good after 3, read back from the log', async () => {
    const { clock, learning, answerQuestion, store } = aLearner();
    const t0 = clock.now();
    await answerQuestion('q-1', false); // Again
    await answerQuestion('q-2', true); // Good
    await answerQuestion('q-3', true);
    expect((await learning.guessed(ctx, 'q-3', m)).title).toBe(m.learning.guessedNoted); // Hard

    const cards = cardsFromLog(await store.reviewLog(CHANNEL.scope, 'U1'));
    expect(cards.get('q-1')?.due).toBe(t0 + DAY);
    expect(cards.get('q-3')?.due).toBe(t0 + 2 * DAY);
    expect(cards.get('q-2')?.due).toBe(t0 + 3 * DAY);

    clock.set(t0 + DAY - 1);
    expect(await learning.reviews.plan(ctx.scope, 'U1')).toEqual({ kind: 'none-due', nextDue: t0 + DAY });
    clock.set(t0 + DAY);
    expect(await learning.reviews.plan(ctx.scope, 'U1')).toMatchObject({
      kind: 'due',
      card: { questionId: 'q-1' },
      remaining: 0,
    });
    clock.set(t0 + 3 * DAY);
    expect(await learning.reviews.dueCount(ctx.scope, 'U1')).toBe(3);
  });

  it('serves the most overdue card as a private review round and reschedules it when answered', async () => {
    const { clock, engine, learning, answerQuestion } = aLearner();
    const t0 = clock.now();
    await answerQuestion('q-1', false);
    await answerQuestion('q-2', false);
    clock.set(t0 + 5 * DAY);
    const reply = await learning.run({ kind: 'review' }, ctx, m);
    if (reply.kind !== 'question') throw new Error(`expected a question, got ${reply.view.title}`);
    expect(reply.round.kind).toBe('review');
    expect(reply.round.closesAt - reply.round.openedAt).toBe(PRACTICE_ROUND_MS); // private, like practice
    expect(reply.question.id).toBe('q-1'); // both due at t0 + 1 day; ties by id
    expect(reply.view.title).toBe(m.learning.reviewTitle);
    expect(reply.view.answers).toBe(m.learning.reviewRemaining(1));
    const outcome = await engine.submitAnswer({
      scope: ctx.scope,
      roundId: reply.round.id,
      player: { id: 'U1', displayName: 'Alice' },
      choice: 'B',
    });
    expect(outcome).toMatchObject({ kind: 'correct', roundKind: 'review', points: 0 });
    // Again then Good five days later: q-1 is no longer due; q-2 still is.
    expect(await learning.reviews.plan(ctx.scope, 'U1')).toMatchObject({
      kind: 'due',
      card: { questionId: 'q-2' },
      remaining: 0,
    });
  });

  it('says "nothing to review yet" to a player without answers', async () => {
    const { learning } = aLearner();
    const reply = await learning.run({ kind: 'review' }, ctx, m);
    expect(reply.view.title).toBe(m.learning.reviewNothingYet);
  });

  it('stops after the daily maximum of reviews until the next day in the bot time zone', async () => {
    const count = REVIEWS_PER_DAY + 2;
    const { clock, engine, learning, answerQuestion } = aLearner(count);
    clock.set(Date.parse('2026-11-27T00:00:00Z')); // 09:00 in Tokyo
    for (let i = 1; i <= count; i++) await answerQuestion(`q-${i}`, false);
    clock.set(Date.parse('2026-11-28T00:00:00Z'));
    for (let i = 0; i < REVIEWS_PER_DAY; i++) {
      const reply = await learning.run({ kind: 'review' }, ctx, m);
      if (reply.kind !== 'question') throw new Error(`review ${i}: ${reply.view.title}`);
      await engine.submitAnswer({
        scope: ctx.scope,
        roundId: reply.round.id,
        player: { id: 'U1', displayName: 'Alice' },
        choice: 'A',
      });
    }
    expect((await learning.run({ kind: 'review' }, ctx, m)).view.title).toBe(
      m.learning.reviewLimit(REVIEWS_PER_DAY),
    );
    clock.set(Date.parse('2026-11-28T15:00:00Z')); // midnight in Tokyo: a new day
    expect((await learning.run({ kind: 'review' }, ctx, m)).kind).toBe('question');
  });

  it('serves nothing and counts nothing due after review off, and resumes after review on', async () => {
    const { clock, learning, answerQuestion } = aLearner();
    await answerQuestion('q-1', false);
    clock.advance(2 * DAY);
    await learning.run({ kind: 'review-set', enabled: false }, ctx, m);
    expect((await learning.run({ kind: 'review' }, ctx, m)).view.title).toBe(m.learning.reviewOff);
    expect(await learning.reviews.dueCount(ctx.scope, 'U1')).toBeNull();
    await learning.run({ kind: 'review-set', enabled: true }, ctx, m);
    expect(await learning.reviews.dueCount(ctx.scope, 'U1')).toBe(1);
  });

  it('leaves suspended questions out of the queue', async () => {
    const { clock, learning, answerQuestion, store } = aLearner();
    await answerQuestion('q-1', false);
    clock.advance(2 * DAY);
    for (const p of ['U1', 'U2', 'U3'])
      await store.fileReport(
        ctx.scope,
        { questionId: 'q-1', playerId: p, reason: 'other', text: '', at: 0 },
        3,
      );
    expect(await learning.reviews.dueCount(ctx.scope, 'U1')).toBe(0);
  });
});
