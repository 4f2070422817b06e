import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeId } from '../../src/core/model/model.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import {
  buttonsOf,
  type DiscordHarness,
  embedOf,
  startDiscordHarness,
  textOf,
} from '../support/discord-harness.js';
import {
  type Actor,
  ALICE,
  BOB,
  CHANNEL_ID,
  click,
  GUILD_ID,
  MANAGER,
  modalSubmit,
  slash,
} from '../support/discord-interactions.js';

const CAROL: Actor = { id: '400000000000000009', username: 'carol', locale: 'en-US' };
const scope = scopeId('discord', GUILD_ID);
const CHANNEL = { scope, channelId: CHANNEL_ID };

let h: DiscordHarness;

/** Posts daily questions until one has a single answer: these tests click answer buttons directly. */
async function postSingleAnswer() {
  for (let i = 0; i < 20; i++) {
    const posted = await h.app.publisher.publish(CHANNEL);
    if (posted.kind !== 'posted') throw new Error('nothing posted');
    if (posted.question.answer.length === 1) return { ...posted, right: posted.question.answer[0] ?? 'A' };
  }
  throw new Error('no single-answer question posted');
}
beforeAll(async () => {
  h = await startDiscordHarness({ locale: 'en' });
});
afterAll(async () => {
  await h?.close();
});

describe('Discord: learning from mistakes', () => {
  it('reports through a modal; three players suspend the question; /quiz-admin lists, dismisses, restores', async () => {
    const { question, round, messageRef, right } = await postSingleAnswer();
    const report = encodeAction({ kind: 'report', questionId: question.id });
    const wrong = right === 'A' ? 'B' : 'A';

    for (const actor of [ALICE, BOB, CAROL]) {
      const answered = await h.interact(click(`ans:${round.id}:${wrong}`, messageRef, actor));
      expect(buttonsOf(answered.final).map((b) => b.custom_id)).toContain(report);
      // The click is answered with the form itself (callback type 9), nothing deferred before it.
      const opened = await h.interact(click(report, messageRef, actor, {}, true));
      expect(opened.callbacks).toHaveLength(1);
      const modal = opened.final.body as {
        type: number;
        data: { custom_id: string; title: string; components: unknown[] };
      };
      expect(modal.type).toBe(9);
      expect(modal.data.custom_id).toBe(report);
      expect(modal.data.title.length).toBeLessThanOrEqual(45);
      expect(JSON.stringify(modal.data.components)).toContain('wrong-key');
    }

    const submit = (actor: Actor, reason: string, details: string) =>
      h.interact(modalSubmit(report, { reason: [reason], details }, actor));
    expect(textOf((await submit(ALICE, 'wrong-key', 'C is right')).final)).toContain(
      `Thank you! Your report on ${question.id} is recorded`,
    );
    expect(textOf((await submit(ALICE, 'ambiguous', '')).final)).toContain('You have already reported');
    await submit(BOB, 'ambiguous', '');
    expect(await h.app.engine.learningStore.suspendedQuestions(scope)).toEqual([]);
    await submit(CAROL, 'outdated', 'renamed service');
    expect(await h.app.engine.learningStore.suspendedQuestions(scope)).toEqual([question.id]);
    // Asked for by id, a suspended question is not dealt in this server.
    const practice = await h.app.engine.startRound({
      channel: CHANNEL,
      kind: 'practice',
      ownerId: 'X',
      questionId: question.id,
    });
    expect(practice.kind === 'started' && practice.question.id).not.toBe(question.id);

    const denied = await h.interact(slash('quiz-admin', ['reports'], {}, ALICE));
    expect(textOf(denied.final)).toContain('Only workspace or server admins');
    const list = await h.interact(slash('quiz-admin', ['reports'], {}, MANAGER));
    expect(embedOf(list.final).title).toBe('Open question reports');
    expect(textOf(list.final)).toContain(
      `${question.id}: 3 reports (wrong-key ×1, ambiguous ×1, outdated ×1) · suspended`,
    );
    expect(textOf(list.final)).toContain('outdated: renamed service');

    const figures = await h.interact(slash('quiz-admin', ['question'], { id: question.id }, MANAGER));
    expect(textOf(figures.final)).toContain(`Key: ${right}`);
    expect(textOf(figures.final)).toContain('First answers here: 3 · p 0.00');

    const dismissed = await h.interact(slash('quiz-admin', ['reports'], { dismiss: question.id }, MANAGER));
    expect(textOf(dismissed.final)).toContain(`Dismissed 3 reports on ${question.id}.`);
    const restored = await h.interact(slash('quiz-admin', ['restore'], { id: question.id }, MANAGER));
    expect(textOf(restored.final)).toContain(`${question.id} is back`);
    expect(await h.app.engine.learningStore.suspendedQuestions(scope)).toEqual([]);
    expect(h.limitProblems()).toEqual([]);
  });

  it('serves /quiz review and /quiz ready, and takes "I guessed"', async () => {
    const none = await h.interact(slash('quiz', ['review'], {}, MANAGER));
    expect(embedOf(none.final).title).toBe(
      'Nothing to review yet. Answer a few questions first (/quiz next gives you one).',
    );
    const posted = await postSingleAnswer();
    const right = await h.interact(
      click(`ans:${posted.round.id}:${posted.right}`, posted.messageRef, MANAGER),
    );
    const guessed = encodeAction({ kind: 'guessed', questionId: posted.question.id });
    expect(buttonsOf(right.final).map((b) => b.custom_id)).toContain(guessed);
    const noted = await h.interact(click(guessed, posted.messageRef, MANAGER, {}, true));
    expect(textOf(noted.final)).toContain('Noted');
    h.clock.advance(3 * 86_400_000);
    const review = await h.interact(slash('quiz', ['review'], {}, MANAGER));
    expect(embedOf(review.final).title).toBe('Review question (not scored)');
    expect(textOf(review.final)).toContain('Your last due review for now.');
    const ready = await h.interact(slash('quiz', ['ready'], {}, MANAGER));
    expect(embedOf(ready.final).title).toBe('Exam readiness of mona');
    expect(textOf(ready.final)).toContain('not enough data');
    const off = await h.interact(slash('quiz', ['review'], { state: 'off' }, MANAGER));
    expect(textOf(off.final)).toContain('Reviews off');
  });
});
