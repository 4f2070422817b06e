import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import { InMemoryQuestionBank } from '../../src/adapters/questions/in-memory-question-bank.js';
import { StoreUnavailableError } from '../../src/core/model/errors.js';
import { scopeId } from '../../src/core/model/model.js';
import { letterOf } from '../../src/core/rounds/choices.js';
import type { PublishResult } from '../../src/core/rounds/round-publisher.js';
import { rightKey } from '../support/builders.js';
import {
  buttonsOf,
  type DiscordHarness,
  embedOf,
  realContent,
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
  slash,
} from '../support/discord-interactions.js';

/** Clicks on a posted daily question: feedback, duplicates, closing, a store outage, the public count. */

class FlakyStore extends MemoryQuizStore {
  down = false;
  /** Answers take this long (a slow Redis). */
  delayMs = 0;
  override async recordAnswer(input: Parameters<MemoryQuizStore['recordAnswer']>[0]) {
    if (this.down) throw new StoreUnavailableError('redis down');
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return super.recordAnswer(input);
  }
  override async playerStats(...args: Parameters<MemoryQuizStore['playerStats']>) {
    if (this.down) throw new StoreUnavailableError('redis down');
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return super.playerStats(...args);
  }
}

const CHANNEL = { scope: scopeId('discord', GUILD_ID), channelId: CHANNEL_ID };
const REFRESH_MS = 400;

let h: DiscordHarness;
const store = new FlakyStore();
beforeAll(async () => {
  // Single-answer clicks (buttons A–E); "choose two" rounds have their own test (discord-multi-select).
  const { bank } = realContent();
  const singleAnswer = new InMemoryQuestionBank(
    bank.all().filter((q) => q.answer.length === 1),
    bank.domains(),
  );
  h = await startDiscordHarness({
    locale: 'ja',
    store,
    bank: singleAnswer,
    refreshIntervalMs: REFRESH_MS,
    deferAfterMs: 300,
  });
});
afterAll(async () => {
  await h?.close();
});

async function post(): Promise<Extract<PublishResult, { kind: 'posted' }>> {
  const result = await h.app.publisher.publish(CHANNEL);
  if (result.kind !== 'posted') throw new Error('nothing posted');
  return result;
}

function wrongKey(answer: string): string {
  return answer === 'A' ? 'B' : 'A';
}

async function answer(customId: string, messageId: string, actor: Actor) {
  const result = await h.interact(click(customId, messageId, actor));
  // Answered in the callback itself, privately: one request, no defer.
  expect(result.callbacks).toHaveLength(1);
  expect(result.callbacks[0]).toBe(result.final);
  expect(result.final.body).toMatchObject({ type: 4, data: { flags: 64 } });
  return result.final;
}

function countEdits(messageId: string) {
  return h.fake.requests.filter(
    (r) => r.method === 'PATCH' && r.route === `/channels/${CHANNEL_ID}/messages/${messageId}`,
  );
}

describe('answer buttons', () => {
  it('right, wrong, duplicate, closed; then the reveal edits the message and replies with the explanation', async () => {
    const { round, question, messageRef } = await post();
    const right = `ans:${round.id}:${rightKey(question)}`;
    const wrong = `ans:${round.id}:${wrongKey(rightKey(question))}`;

    const correct = await answer(right, messageRef, ALICE);
    expect(embedOf(correct).title).toBe('Correct! +10 points');
    expect(textOf(correct)).toContain('Why it is right');
    expect(textOf(correct)).toContain('Your points: 10 this week, 10 all time');

    const incorrect = await answer(wrong, messageRef, BOB);
    expect(embedOf(incorrect).title).toBe('残念、不正解です。');
    expect(textOf(incorrect)).toContain('あなたの選択肢が誤りである理由');

    const duplicate = await answer(wrong, messageRef, ALICE);
    expect(textOf(duplicate)).toContain('You already answered this one');

    h.clock.advance(24 * 60 * 60_000);
    const closed = await answer(right, messageRef, MANAGER);
    expect(embedOf(closed).title).toBe('This question has closed.');

    expect(await h.app.publisher.closeAndReveal(round)).toBe('revealed');
    const reveal = await h.fake.waitForRequest(
      (r) =>
        r.method === 'PATCH' && r.route.endsWith(`/messages/${messageRef}`) && textOf(r).includes('正解発表'),
    );
    // The letter the round showed the right choice under, not the bank's key.
    expect(textOf(reveal)).toContain(`正解: ${letterOf(question, round, rightKey(question))}.`);
    expect(textOf(reveal)).toContain('2 人が回答しました');
    const buttons = buttonsOf(reveal);
    expect(buttons.every((b) => b.disabled)).toBe(true);
    expect(buttons.filter((b) => b.style === 3).map((b) => b.custom_id)).toEqual([right]);
    const explanation = await h.fake.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id ===
          messageRef,
    );
    expect(embedOf(explanation).title).toBe('解説');
  });

  it('an unknown round or a forged button id gets "no longer available"', async () => {
    expect(embedOf(await answer('ans:nosuchround:A', '900000000000000010', ALICE)).title).toBe(
      'This question is no longer available.',
    );
    expect(embedOf(await answer('hello:world', '900000000000000010', ALICE)).title).toBe(
      'This question is no longer available.',
    );
  });

  it('when the store is down the answer is "not recorded, try again"; the retry counts', async () => {
    const { round, question, messageRef } = await post();
    store.down = true;
    const failed = await answer(`ans:${round.id}:${rightKey(question)}`, messageRef, ALICE);
    expect(embedOf(failed).title).toBe(
      'The quiz is unavailable for a moment; your answer was not recorded. Please try again in a few seconds.',
    );
    const me = await h.interact(slash('quiz', ['me'], {}, ALICE));
    expect(embedOf(me.final).title).toBe(
      'The quiz is unavailable for a moment. Please try again in a few seconds.',
    );
    store.down = false;
    const retried = await answer(`ans:${round.id}:${rightKey(question)}`, messageRef, ALICE);
    expect(embedOf(retried).title).toMatch(/^Correct! \+1\d points/);
    expect(h.log.problems.filter((p) => p.level === 'error')).toEqual([]);
  });

  it('defers privately first when the store is slow, then edits the feedback in', async () => {
    const { round, question, messageRef } = await post();
    store.delayMs = 600; // past the 300 ms defer threshold of this harness
    try {
      const result = await h.interact(
        click(`ans:${round.id}:${rightKey(question)}`, messageRef, {
          id: '400000000000000777',
          username: 'carol',
          locale: 'ja',
        }),
      );
      expect(result.callbacks.map((c) => c.body)).toEqual([{ type: 5, data: { flags: 64 } }]);
      expect(result.final.method).toBe('PATCH');
      expect(textOf(result.final)).toContain('正解です');
    } finally {
      store.delayMs = 0;
    }
  });

  it('a slash command defers only when the store is slow; at once it answers in the callback', async () => {
    const quick = await h.interact(slash('quiz', ['me'], {}, ALICE));
    expect(quick.callbacks.map((c) => (c.body as { type: number }).type)).toEqual([4]);
    store.delayMs = 600; // past the 300 ms defer threshold of this harness
    try {
      const slow = await h.interact(slash('quiz', ['me'], {}, ALICE));
      expect(slow.callbacks.map((c) => c.body)).toEqual([{ type: 5, data: { flags: 64 } }]);
      expect(slow.final.method).toBe('PATCH');
      expect(embedOf(slow.final).title).toBe('Stats for Alice A.');
    } finally {
      store.delayMs = 0;
    }
  });

  it('a redelivered interaction (same id) is handled once', async () => {
    const { round, question, messageRef } = await post();
    const payload = click(`ans:${round.id}:${rightKey(question)}`, messageRef, BOB);
    h.fake.dispatchInteraction(payload);
    h.fake.dispatchInteraction(payload);
    await h.fake.waitForRequest((r) => r.route.includes(`/${payload.token}/callback`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.requests.filter((r) => r.route.includes(`/${payload.token}/`))).toHaveLength(1); // one reply
  });
});

describe('the public answer count', () => {
  it('50 clicks make a handful of throttled edits, the last one showing 50', async () => {
    const { round, question, messageRef } = await post();
    const players: Actor[] = Array.from({ length: 50 }, (_, i) => ({
      id: String(500000000000000000n + BigInt(i)),
      username: `p${i}`,
      locale: 'ja',
    }));
    const payloads = players.map((p, i) =>
      click(
        `ans:${round.id}:${i % 2 === 0 ? rightKey(question) : wrongKey(rightKey(question))}`,
        messageRef,
        p,
      ),
    );
    for (const payload of payloads) h.fake.dispatchInteraction(payload);
    await Promise.all(
      payloads.map((p) => h.fake.waitForRequest((r) => r.route.includes(`/${p.token}/callback`), 15_000)),
    );
    const last = await h.fake.waitForRequest(
      (r) =>
        r.route === `/channels/${CHANNEL_ID}/messages/${messageRef}` &&
        textOf(r).includes('現在 50 人が回答'),
      5000,
    );
    expect(Object.keys(last.body as object).sort()).toEqual(['allowed_mentions', 'embeds']); // buttons untouched
    await new Promise((resolve) => setTimeout(resolve, REFRESH_MS * 2));
    const edits = countEdits(messageRef);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(edits.length).toBeLessThanOrEqual(10);
    expect(textOf(edits.at(-1) ?? last)).toContain('現在 50 人が回答');
  });

  it('every payload stays within Discord’s limits', () => {
    expect(h.limitProblems()).toEqual([]);
  });
});
