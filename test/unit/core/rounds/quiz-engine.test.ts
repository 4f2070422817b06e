import { describe, expect, it } from 'vitest';
import { BASE_POINTS } from '../../../../src/core/model/scoring.js';
import { someQuestions } from '../../../support/builders.js';
import { anEngine, CHANNEL } from '../../../support/engine-fixture.js';

const alice = { id: 'U1', displayName: 'Alice' };

async function startDaily(engine: ReturnType<typeof anEngine>['engine']) {
  const started = await engine.startRound({ channel: CHANNEL, kind: 'daily' });
  if (started.kind !== 'started') throw new Error('no round');
  return started;
}

describe('QuizEngine.submitAnswer', () => {
  it('scores a right daily answer and explains it', async () => {
    const { engine } = anEngine();
    const { round, question } = await startDaily(engine);
    const outcome = await engine.submitAnswer({
      scope: CHANNEL.scope,
      roundId: round.id,
      player: alice,
      choice: question.answer.join(','),
    });
    expect(outcome).toMatchObject({
      kind: 'correct',
      points: BASE_POINTS,
      streak: 1,
      totals: { week: 10, all: 10 },
    });
    if (outcome.kind !== 'correct') throw new Error();
    expect(outcome.question.explanation.en).toBe('Explanation');
  });

  it('tells a wrong answer apart and scores nothing', async () => {
    const { engine } = anEngine();
    const { round } = await startDaily(engine);
    const outcome = await engine.submitAnswer({
      scope: CHANNEL.scope,
      roundId: round.id,
      player: alice,
      choice: 'A',
    });
    expect(outcome).toMatchObject({ kind: 'incorrect', points: 0, streak: 0, choice: 'A' });
  });

  it('keeps only the first of 50 answers of one player arriving at once', async () => {
    const { engine } = anEngine();
    const { round } = await startDaily(engine);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        engine.submitAnswer({
          scope: CHANNEL.scope,
          roundId: round.id,
          player: alice,
          choice: i % 2 ? 'B' : 'A',
        }),
      ),
    );
    const recorded = outcomes.filter((o) => o.kind === 'correct' || o.kind === 'incorrect');
    expect(recorded).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'duplicate')).toHaveLength(49);
    const first = recorded[0];
    if (!first || (first.kind !== 'correct' && first.kind !== 'incorrect')) throw new Error();
    for (const o of outcomes) if (o.kind === 'duplicate') expect(o.previousChoice).toBe(first.choice);
    expect(await engine.tally({ scope: CHANNEL.scope, roundId: round.id })).toMatchObject({ total: 1 });
  });

  it('rejects answers to a closed round and to an expired one', async () => {
    const { engine, clock } = anEngine();
    const { round, question } = await startDaily(engine);
    await engine.closeRound({ scope: CHANNEL.scope, roundId: round.id });
    const afterClose = await engine.submitAnswer({
      scope: CHANNEL.scope,
      roundId: round.id,
      player: alice,
      choice: 'B',
    });
    expect(afterClose).toMatchObject({ kind: 'closed', question: { id: question.id } });

    const second = await startDaily(engine);
    clock.advance(25 * 3_600_000);
    const late = await engine.submitAnswer({
      scope: CHANNEL.scope,
      roundId: second.round.id,
      player: alice,
      choice: 'B',
    });
    expect(late.kind).toBe('closed');
  });

  it('answers unknown-round for a round that does not exist or a choice it does not have', async () => {
    const { engine } = anEngine();
    const { round } = await startDaily(engine);
    expect(
      (await engine.submitAnswer({ scope: CHANNEL.scope, roundId: 'nope', player: alice, choice: 'A' })).kind,
    ).toBe('unknown-round');
    expect(
      (await engine.submitAnswer({ scope: CHANNEL.scope, roundId: round.id, player: alice, choice: 'E' }))
        .kind,
    ).toBe('unknown-round');
  });

  it('never scores practice questions', async () => {
    const { engine } = anEngine();
    const started = await engine.startRound({ channel: CHANNEL, kind: 'practice', ownerId: alice.id });
    if (started.kind !== 'started') throw new Error();
    const outcome = await engine.submitAnswer({
      scope: CHANNEL.scope,
      roundId: started.round.id,
      player: alice,
      choice: started.question.answer.join(','),
    });
    expect(outcome).toMatchObject({ kind: 'correct', roundKind: 'practice', points: 0 });
    expect((await engine.leaderboard(CHANNEL.scope, 'all', alice.id)).entries).toEqual([]);
  });
});

describe('QuizEngine.startRound', () => {
  it('asks every question once before repeating, then starts a new cycle', async () => {
    const { engine } = anEngine({ questions: someQuestions(6) });
    const asked: string[] = [];
    for (let i = 0; i < 6; i++) asked.push((await startDaily(engine)).question.id);
    expect(new Set(asked).size).toBe(6);
    const nextCycle: string[] = [];
    for (let i = 0; i < 6; i++) nextCycle.push((await startDaily(engine)).question.id);
    expect(new Set(nextCycle).size).toBe(6);
  });

  it('is deterministic under a seeded random', async () => {
    const pick = async (seed: number) => {
      const { engine } = anEngine({ questions: someQuestions(20), seed });
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push((await startDaily(engine)).question.id);
      return ids;
    };
    expect(await pick(7)).toEqual(await pick(7));
    expect(await pick(7)).not.toEqual(await pick(8));
  });

  it('filters by exam domain and says when none match', async () => {
    const questions = [
      ...someQuestions(3),
      ...someQuestions(2).map((q) => ({ ...q, id: `m-${q.id}`, domain: 'monitoring' })),
    ];
    const { engine } = anEngine({ questions });
    for (let i = 0; i < 4; i++) {
      const started = await engine.startRound({ channel: CHANNEL, kind: 'daily', domain: 'monitoring' });
      expect(started.kind === 'started' && started.question.domain).toBe('monitoring');
    }
    expect(await engine.startRound({ channel: CHANNEL, kind: 'daily', domain: 'pipelines' })).toEqual({
      kind: 'no-questions',
      domain: 'pipelines',
    });
  });

  it('caps a round at 24 hours', async () => {
    const { engine, clock } = anEngine();
    const started = await engine.startRound({
      channel: CHANNEL,
      kind: 'daily',
      closesAt: clock.now() + 48 * 3_600_000,
    });
    if (started.kind !== 'started') throw new Error();
    expect(started.round.closesAt - started.round.openedAt).toBe(24 * 3_600_000);
  });
});

describe('QuizEngine.closeRound', () => {
  it('closes once and hands back the vote distribution', async () => {
    const { engine } = anEngine();
    const { round } = await startDaily(engine);
    for (const [id, choice] of [
      ['U1', 'A'],
      ['U2', 'B'],
      ['U3', 'B'],
    ] as const) {
      await engine.submitAnswer({
        scope: CHANNEL.scope,
        roundId: round.id,
        player: { id, displayName: id },
        choice,
      });
    }
    const ref = { scope: CHANNEL.scope, roundId: round.id };
    const first = await engine.closeRound(ref);
    expect(first).toMatchObject({ kind: 'closed', tally: { total: 3, counts: { A: 1, B: 2 } } });
    expect(await engine.closeRound(ref)).toEqual({ kind: 'not-now', reason: 'busy' });
    await engine.markRevealed(ref);
    expect(await engine.closeRound(ref)).toEqual({ kind: 'not-now', reason: 'already-revealed' });
  });
});
