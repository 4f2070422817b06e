import { afterEach, describe, expect, it } from 'vitest';
import { PICKER_ACTION_ID, PICKER_BLOCK_ID } from '../../src/adapters/slack/render/block-kit.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { letterOf } from '../../src/core/rounds/choices.js';
import { aBank } from '../support/builders.js';
import { longMultiQuestion } from '../support/long-questions.js';
import { CHANNEL, type SlackHarness, startSlackHarness, TEAM } from '../support/slack-harness.js';

/** A "choose two" round on Slack, end to end: real Bolt, signed requests, the fake Web API. */

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const channel = { scope: `slack:${TEAM}`, channelId: CHANNEL };
const text = (body: Record<string, unknown> | undefined): string =>
  JSON.stringify(body?.blocks ?? body?.text ?? '');

describe('a multiple-select round on Slack', () => {
  it('posts, opens the picker, takes three players, refuses a duplicate and a wrong count, reveals the shares', async () => {
    const question = longMultiQuestion();
    const h = await startSlackHarness({ bank: aBank([question]) });
    harness = h;
    const posted = await h.app.publisher.publish(channel);
    if (posted.kind !== 'posted') throw new Error('not posted');
    const { round } = posted;
    const letter = (key: string) => letterOf(question, round, key);

    // The channel message: every choice written out once, and one "Answer" button.
    const [post] = h.fake.callsOf('chat.postMessage');
    const blocks = post?.body.blocks as {
      type: string;
      elements?: { text: { text: string }; action_id: string }[];
    }[];
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => [b.text.text, b.action_id])).toEqual([['Answer', `pck:${round.id}`]]);
    for (const choice of question.choices) expect(text(post?.body)).toContain(choice.text.en.slice(0, 200));

    // A click opens the checkboxes modal with the click's trigger.
    await h.click(encodeAction({ kind: 'pick', roundId: round.id }), { user: 'U1', triggerId: 'trig-u1' });
    await expect.poll(() => h.fake.callsOf('views.open').length).toBe(1);
    const opened = h.fake.callsOf('views.open')[0]?.body;
    expect(opened?.trigger_id).toBe('trig-u1');
    const modal = opened?.view as Record<string, unknown>;
    const options = (
      modal.blocks as { element: { options: { text: { text: string }; value: string }[] } }[]
    )[0]?.element.options;
    expect(options?.map((o) => o.text.text.slice(0, 3))).toEqual(['A. ', 'B. ', 'C. ', 'D. ', 'E. ']);
    expect(options?.every((o) => [...o.text.text].length <= 75)).toBe(true);
    // Option values are the bank's keys, in the round's order.
    expect(options?.map((o) => o.value)).toEqual(round.choiceOrder);

    const submit = async (user: string, values: string[]) => {
      const before = h.fake.callsOf('chat.postEphemeral').length;
      const res = await h.submitView(
        modal,
        { blockId: PICKER_BLOCK_ID, actionId: PICKER_ACTION_ID, values },
        { user },
      );
      expect(res.status).toBe(200);
      const body = await res.text();
      return { body, before };
    };
    const ephemeralTo = async (user: string, before: number) => {
      await expect
        .poll(() =>
          h.fake
            .callsOf('chat.postEphemeral')
            .slice(before)
            .find((c) => c.body.user === user),
        )
        .toBeTruthy();
      const call = h.fake
        .callsOf('chat.postEphemeral')
        .slice(before)
        .find((c) => c.body.user === user);
      expect(call?.body.channel).toBe(CHANNEL);
      return text(call?.body);
    };

    // A wrong number of picks is refused on the modal itself; nothing is recorded.
    const wrongCount = await submit('U2', ['A']);
    expect(JSON.parse(wrongCount.body)).toEqual({
      response_action: 'errors',
      errors: {
        [PICKER_BLOCK_ID]: 'Pick exactly 2 options (you picked 1). Your answer was not recorded yet.',
      },
    });
    expect(await h.app.engine.tally({ scope: channel.scope, roundId: round.id })).toMatchObject({ total: 0 });

    const u1 = await submit('U1', ['D', 'B']);
    expect(u1.body).toBe('');
    const u1Reply = await ephemeralTo('U1', u1.before);
    expect(u1Reply).toContain('Correct! +10 points');
    expect(u1Reply).toContain(`Right answers: ${[letter('B'), letter('D')].sort().join(', ')}`);

    const u2 = await submit('U2', ['A', 'B']);
    const u2Reply = await ephemeralTo('U2', u2.before);
    expect(u2Reply).toContain('Not quite.');
    expect(u2Reply).toContain(`❌ ${letter('A')}: you picked it, but it is wrong`);
    expect(u2Reply).toContain(`⚠️ ${letter('D')}: you left it out, but it is right`);
    expect(u2Reply).toContain(`✅ ${letter('B')}: you picked it, and it is right`);

    const u3 = await submit('U3', ['B', 'D']);
    expect(await ephemeralTo('U3', u3.before)).toContain('Correct! +10 points');

    const dup = await submit('U1', ['A', 'C']);
    expect(await ephemeralTo('U1', dup.before)).toContain('You already answered this one');

    await expect
      .poll(() => h.fake.callsOf('chat.update').some((c) => text(c.body).includes('3 answers so far')))
      .toBe(true);
    expect(await h.app.publisher.closeAndReveal(round)).toBe('revealed');
    const reveal = text(h.fake.callsOf('chat.update').at(-1)?.body);
    expect(reveal).toContain(`Correct answers: ${[letter('B'), letter('D')].sort().join(', ')}`);
    expect(reveal).toMatch(new RegExp(`✅ ${letter('B')}\\. [^"]*: 3 \\(100%\\)`));
    expect(reveal).toMatch(new RegExp(`✅ ${letter('D')}\\. [^"]*: 2 \\(67%\\)`));
    expect(reveal).toMatch(new RegExp(`"${letter('A')}\\. [^"]*: 1 \\(33%\\)"`));
    expect(reveal).toContain('3 people answered · Whole set right: 2 (67%)');

    // After the close the button says so instead of opening a picker.
    await h.click(encodeAction({ kind: 'pick', roundId: round.id }), { user: 'U4', responseId: 'late' });
    await expect.poll(() => h.fake.responsesTo('late').length).toBe(1);
    expect(text(h.fake.responsesTo('late')[0])).toContain('This question has closed.');
    expect(h.fake.callsOf('views.open')).toHaveLength(1);
  });
});
