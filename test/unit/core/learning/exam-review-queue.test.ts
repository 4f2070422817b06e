import { describe, expect, it } from 'vitest';
import { LearningCommands } from '../../../../src/core/commands/learning-commands.js';
import { readiness } from '../../../../src/core/learning/readiness.js';
import { messagesFor } from '../../../../src/core/presentation/messages/index.js';
import { aQuestion, DOMAINS } from '../../../support/builders.js';
import { anEngine, CHANNEL } from '../../../support/engine-fixture.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const m = messagesFor('en');
const ctx = { scope: CHANNEL.scope, channelId: CHANNEL.channelId, userId: 'U1', displayName: 'Alice' };

/** Low-code questions l-1..l-9 and monitoring questions m-1..m-6 (the builders' two sections). */
const questions = [
  ...Array.from({ length: 9 }, (_, i) => aQuestion({ id: `l-${i + 1}`, domain: 'low-code-ai' })),
  ...Array.from({ length: 6 }, (_, i) => aQuestion({ id: `m-${i + 1}`, domain: 'monitoring' })),
];

function aLearner() {
  const fixture = anEngine({ questions });
  const learning = new LearningCommands(fixture.engine);
  const answer = async (questionId: string, right: boolean, kind: 'practice' | 'review' = 'practice') => {
    const started = await fixture.engine.startRound({
      channel: CHANNEL,
      kind,
      ownerId: 'U1',
      questionId,
    });
    if (started.kind !== 'started') throw new Error('no round');
    await fixture.engine.submitAnswer({
      scope: CHANNEL.scope,
      roundId: started.round.id,
      player: { id: 'U1', displayName: 'Alice' },
      choice: right ? 'B' : 'A',
    });
  };
  const setDate = (date: string) => learning.run({ kind: 'exam-date', value: date }, ctx, m);
  return { ...fixture, learning, answer, setDate };
}

describe('review queue in the last 14 days before the exam date', () => {
  it('schedules at 95 % retention: a known question comes back sooner, but only inside the 14 days', async () => {
    const { clock, learning, answer, setDate } = aLearner();
    const t0 = clock.now(); // 2026-11-27 09:00 in Tokyo
    await answer('l-1', true); // Good: due 3 days later
    clock.set(t0 + 3 * DAY);
    await answer('l-1', true, 'review'); // Good again: due 14 days later at 90 %, 6 at 95 %
    clock.set(t0 + 10 * DAY); // 2026-12-07 in Tokyo
    expect(await learning.reviews.dueCount(ctx.scope, 'U1')).toBe(0);

    await setDate('2026-12-22'); // 15 days left: not yet
    expect(await learning.reviews.dueCount(ctx.scope, 'U1')).toBe(0);
    expect((await learning.reviews.plan(ctx.scope, 'U1')).kind).toBe('none-due');

    await setDate('2026-12-21'); // 14 days left
    expect(await learning.reviews.dueCount(ctx.scope, 'U1')).toBe(1);
    expect(await learning.reviews.plan(ctx.scope, 'U1')).toMatchObject({
      kind: 'due',
      card: { questionId: 'l-1' },
    });

    await setDate('off');
    expect(await learning.reviews.dueCount(ctx.scope, 'U1')).toBe(0);
  });

  it("takes at least half of the day's reviews from the weakest section while it has due cards", async () => {
    const { clock, engine, learning, answer, setDate } = aLearner();
    const t0 = clock.now();
    // Low-code: 6 right, 3 wrong (the wrong ones the most overdue); monitoring: 1 right, 5 wrong.
    for (let i = 1; i <= 9; i++) await answer(`l-${i}`, i <= 6);
    clock.set(t0 + 12 * HOUR);
    for (let i = 1; i <= 6; i++) await answer(`m-${i}`, i === 1);
    clock.set(t0 + 4 * DAY); // 2026-12-01 in Tokyo

    const log = await engine.learningStore.reviewLog(ctx.scope, 'U1');
    const ready = readiness(
      log.map((e) => ({ ...e, playerId: 'U1' })),
      DOMAINS,
      clock.now(),
    );
    expect(ready.weakest).toBe('monitoring');

    /** Serves `count` reviews, each answered wrong (so the section stays the weakest), and their sections. */
    const serve = async (count: number): Promise<string[]> => {
      const sections: string[] = [];
      for (let i = 0; i < count; i++) {
        const plan = await learning.reviews.plan(ctx.scope, 'U1');
        if (plan.kind !== 'due') throw new Error(`no review due: ${plan.kind}`);
        sections.push(plan.card.domain);
        await answer(plan.card.questionId, false, 'review');
        clock.advance(60_000);
      }
      return sections;
    };

    // Without a date the most overdue come first: the three low-code ones.
    const plain = (await learning.reviews.plan(ctx.scope, 'U1')) as { card?: { domain: string } };
    expect(plain.card?.domain).toBe('low-code-ai');

    await setDate('2026-12-10'); // 9 days left
    // Monitoring has 6 due cards, low-code 9: they alternate, monitoring first, until monitoring has none.
    const served = await serve(12);
    served.forEach((_, i) => {
      const soFar = served.slice(0, i + 1);
      expect(soFar.filter((d) => d === 'monitoring').length * 2).toBeGreaterThanOrEqual(soFar.length);
    });
    expect(served.filter((d) => d === 'monitoring')).toHaveLength(6);
    expect(served.slice(0, 2)).toEqual(['monitoring', 'low-code-ai']);
    // Then the rest of the day's reviews come from the other sections.
    expect(await serve(2)).toEqual(['low-code-ai', 'low-code-ai']);
  });
});
