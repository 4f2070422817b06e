import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeId } from '../../src/core/model/model.js';
import { letterOf } from '../../src/core/rounds/choices.js';
import { aBank } from '../support/builders.js';
import {
  buttonsOf,
  type DiscordHarness,
  embedOf,
  messageBody,
  startDiscordHarness,
  textOf,
} from '../support/discord-harness.js';
import {
  ALICE,
  BOB,
  CHANNEL_ID,
  click,
  GUILD_ID,
  MANAGER,
  selectValues,
} from '../support/discord-interactions.js';
import { longMultiQuestion } from '../support/long-questions.js';

/** A "choose two" round on Discord, end to end: the real discord.js Client against the fake gateway and REST. */

const CHANNEL = { scope: scopeId('discord', GUILD_ID), channelId: CHANNEL_ID };
const question = longMultiQuestion();
let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ locale: 'en', bank: aBank([question]), refreshIntervalMs: 100 });
});
afterAll(async () => {
  await h?.close();
});

interface Select {
  type: number;
  custom_id: string;
  min_values: number;
  max_values: number;
  options: { label: string; value: string }[];
}

describe('a multiple-select round on Discord', () => {
  it('posts, opens the picker, takes three players, refuses a duplicate and a wrong count, reveals the shares', async () => {
    const posted = await h.app.publisher.publish(CHANNEL);
    if (posted.kind !== 'posted') throw new Error('not posted');
    const { round, messageRef } = posted;
    const letter = (key: string) => letterOf(question, round, key);
    const post = h.fake.requests.find(
      (r) => r.method === 'POST' && r.route === `/channels/${CHANNEL_ID}/messages`,
    );
    if (!post) throw new Error('no post');
    // The embed writes every choice out once; one "Answer" button.
    for (const choice of question.choices) expect(textOf(post)).toContain(choice.text.en);
    expect(buttonsOf(post).map((b) => [b.label, b.custom_id])).toEqual([['Answer', `pck:${round.id}`]]);

    // "Answer" replies privately with a string select that takes exactly two.
    const opened = await h.interact(click(`pck:${round.id}`, messageRef, ALICE));
    expect(opened.final.body).toMatchObject({ type: 4, data: { flags: 64 } });
    const select = messageBody(opened.final)?.components?.[0]?.components[0] as Select;
    expect(select).toMatchObject({ type: 3, custom_id: `sel:${round.id}:2`, min_values: 2, max_values: 2 });
    expect(select.options.map((o) => o.value)).toEqual(round.choiceOrder);
    expect(select.options.map((o) => o.label.slice(0, 3))).toEqual(['A. ', 'B. ', 'C. ', 'D. ', 'E. ']);
    expect(select.options.every((o) => o.label.length <= 100)).toBe(true);

    const pick = async (values: string[], actor: typeof ALICE) => {
      const result = await h.interact(selectValues(select.custom_id, values, '900000000000000099', actor));
      expect(result.final.body).toMatchObject({ type: 4, data: { flags: 64 } });
      return result.final;
    };
    const carol = { id: '400000000000000004', username: 'carol', locale: 'en-US' };

    // Discord enforces the count; a payload that breaks it anyway is refused with the rule, and nothing is recorded.
    expect(embedOf(await pick(['B'], BOB)).title).toBe(
      'ちょうど 2 つ選んでください（選んだのは 1 つ）。回答はまだ記録されていません。',
    );
    expect((await h.app.engine.tally({ scope: CHANNEL.scope, roundId: round.id })).total).toBe(0);

    const alice = await pick(['D', 'B'], ALICE);
    expect(embedOf(alice).title).toBe('Correct! +10 points');
    expect(textOf(alice)).toContain(`Right answers: ${[letter('B'), letter('D')].sort().join(', ')}`);

    const bob = await pick(['A', 'B'], BOB);
    expect(embedOf(bob).title).toBe('残念、不正解です。');
    expect(textOf(bob)).toContain(`❌ ${letter('A')}: 選択した・誤りの選択肢`);
    expect(textOf(bob)).toContain(`⚠️ ${letter('D')}: 選択しなかった・正解の選択肢`);

    expect(embedOf(await pick(['B', 'D'], carol)).title).toBe('Correct! +10 points');
    expect(textOf(await pick(['A', 'C'], ALICE))).toContain('You already answered this one');

    expect(await h.app.publisher.closeAndReveal(round)).toBe('revealed');
    const reveal = await h.fake.waitForRequest(
      (r) =>
        r.method === 'PATCH' &&
        r.route.endsWith(`/messages/${messageRef}`) &&
        textOf(r).includes('Answer revealed'),
    );
    expect(textOf(reveal)).toContain(`Correct answers: ${[letter('B'), letter('D')].sort().join(', ')}`);
    expect(textOf(reveal)).toMatch(new RegExp(`✅ ${letter('B')}\\. .*: 3 \\(100%\\)`));
    expect(textOf(reveal)).toMatch(new RegExp(`✅ ${letter('D')}\\. .*: 2 \\(67%\\)`));
    expect(textOf(reveal)).toMatch(new RegExp(`^${letter('A')}\\. .*: 1 \\(33%\\)$`, 'm'));
    expect(embedOf(reveal).footer?.text).toBe('3 people answered · Whole set right: 2 (67%)');
    expect(buttonsOf(reveal).map((b) => [b.label, b.disabled])).toEqual([['Answer', true]]);

    // Once closed, "Answer" says so instead of offering a picker.
    const late = await h.interact(click(`pck:${round.id}`, messageRef, MANAGER));
    expect(embedOf(late.final).title).toBe('This question has closed.');
  });

  it('every payload stays within Discord’s limits', () => {
    expect(h.limitProblems()).toEqual([]);
  });
});
