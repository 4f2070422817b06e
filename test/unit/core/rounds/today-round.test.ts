import { describe, expect, it } from 'vitest';
import { todayRound } from '../../../../src/core/rounds/today-round.js';
import { anEngine, CHANNEL } from '../../../support/engine-fixture.js';

describe("todayRound: where a player stands with the channel's question of the day", () => {
  it('none before a post, open, answered (right or wrong) while open, closed by time', async () => {
    const { engine, clock } = anEngine();
    expect((await todayRound(engine, CHANNEL, 'U1')).kind).toBe('none');
    const started = await engine.startRound({
      channel: CHANNEL,
      kind: 'daily',
      closesAt: clock.now() + 3600_000,
    });
    if (started.kind !== 'started') throw new Error('no round');
    // Created but not posted yet: the publisher posts it, nobody can see it.
    expect((await todayRound(engine, CHANNEL, 'U1')).kind).toBe('none');
    await engine.setRoundMessage(started.round, 'm1');
    expect((await todayRound(engine, CHANNEL, 'U1')).kind).toBe('open');

    // A practice answer to the same question is not an answer to today's.
    const practice = await engine.startRound({
      channel: CHANNEL,
      kind: 'practice',
      ownerId: 'U1',
      questionId: started.question.id,
    });
    if (practice.kind !== 'started') throw new Error('no practice round');
    const player = { id: 'U1', displayName: 'U1' };
    await engine.submitAnswer({ scope: CHANNEL.scope, roundId: practice.round.id, player, choice: 'B' });
    expect((await todayRound(engine, CHANNEL, 'U1')).kind).toBe('open');

    await engine.submitAnswer({ scope: CHANNEL.scope, roundId: started.round.id, player, choice: 'A' });
    expect(await todayRound(engine, CHANNEL, 'U1')).toMatchObject({ kind: 'answered', correct: false });
    expect((await todayRound(engine, CHANNEL, 'U2')).kind).toBe('open');

    clock.advance(3600_000);
    expect((await todayRound(engine, CHANNEL, 'U2')).kind).toBe('closed');
  });
});
