import { describe, expect, it } from 'vitest';
import { MemoryQuizStore } from '../../../../src/adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from '../../../../src/adapters/memory/memory-subscription-store.js';
import type { ChannelRef, Question } from '../../../../src/core/model/model.js';
import { messagesFor } from '../../../../src/core/presentation/messages/index.js';
import { aQuestion, ManualClock } from '../../../support/builders.js';
import { anEngine, CHANNEL } from '../../../support/engine-fixture.js';
import { aReplica } from '../../../support/schedule-replicas.js';

/** Trivia and off-blueprint questions: practice and review always, daily rounds only when asked for. */
const en = messagesFor('en');
const BANK: Question[] = [
  aQuestion({ id: 'exam-1' }),
  aQuestion({ id: 'exam-2' }),
  aQuestion({ id: 'history', tags: ['trivia'] }),
  aQuestion({ id: 'statistics', tags: ['off-blueprint'] }),
];

async function picks(kind: 'daily' | 'practice', includeExtras: boolean): Promise<Set<string>> {
  const { engine } = anEngine({ questions: BANK });
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const started = await engine.startRound({ channel: CHANNEL, kind, ownerId: 'U1', includeExtras });
    if (started.kind === 'started') seen.add(started.question.id);
  }
  return seen;
}

describe('extras in daily rounds', () => {
  it('leaves trivia and off-blueprint questions out of daily rounds by default', async () => {
    expect(await picks('daily', false)).toEqual(new Set(['exam-1', 'exam-2']));
  });

  it('includes them in daily rounds when the channel asks, and always in practice', async () => {
    expect(await picks('daily', true)).toEqual(new Set(BANK.map((q) => q.id)));
    expect(await picks('practice', false)).toEqual(new Set(BANK.map((q) => q.id)));
  });

  it('is switched per channel by an admin and shown with the schedule; the scheduled post follows it', async () => {
    const clock = new ManualClock(Date.parse('2026-11-30T00:00:00Z'));
    const channel: ChannelRef = { scope: 'slack:T1', channelId: 'C1' };
    const extrasOnly = [aQuestion({ id: 'history', tags: ['trivia'] })];
    const r = aReplica({
      store: new MemoryQuizStore(),
      subscriptions: new MemorySubscriptionStore(() => clock.now()),
      clock,
      questions: extrasOnly,
    });
    await r.app.schedule.set(channel, '* * * * *', 'Asia/Tokyo', en);
    clock.advance(60_000);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(0); // nothing but extras in the bank, and extras are off

    const view = await r.app.schedule.extras(channel, true, en);
    expect(view.lines).toContain(
      'Extras (product-history trivia, general statistics off the exam guide): in daily questions',
    );
    clock.advance(60_000);
    await r.app.schedule.tick();
    expect(r.platform.posts.map((p) => p.question.id)).toEqual(['history']);
    expect(await r.app.schedule.includesExtras(channel)).toBe(true);
    expect((await r.app.schedule.extras(channel, false, en)).lines).toContain(
      'Extras (product-history trivia, general statistics off the exam guide): practice and review only',
    );
  });
});
