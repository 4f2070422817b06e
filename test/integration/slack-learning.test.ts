import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_CALLBACK_ID } from '../../src/adapters/slack/report-modal.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { aBank, someQuestions } from '../support/builders.js';
import { CHANNEL, type SlackHarness, startSlackHarness, TEAM } from '../support/slack-harness.js';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const scope = `slack:${TEAM}`;
const channel = { scope, channelId: CHANNEL };

async function replyTo(h: SlackHarness, id: string): Promise<string> {
  await expect.poll(() => h.fake.responsesTo(id).length, { timeout: 3000 }).toBeGreaterThan(0);
  const [reply] = h.fake.responsesTo(id);
  return JSON.stringify(reply?.blocks ?? reply?.text ?? '');
}

/** A modal submission as Slack sends it: the view with its state, signed like any interaction. */
function submitReport(
  h: SlackHarness,
  user: string,
  privateMetadata: string,
  reason: string,
  details: string,
) {
  const payload = {
    type: 'view_submission',
    team: { id: TEAM, domain: 'test' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A1',
    trigger_id: `trig-submit-${user}`,
    view: {
      id: `V-${user}`,
      team_id: TEAM,
      type: 'modal',
      callback_id: REPORT_CALLBACK_ID,
      private_metadata: privateMetadata,
      hash: 'h1',
      state: {
        values: {
          reason: { reason: { type: 'static_select', selected_option: { value: reason } } },
          details: { details: { type: 'plain_text_input', value: details } },
        },
      },
    },
  };
  return h.post(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
  );
}

describe('Slack: learning from mistakes', () => {
  it('reports through a modal; three players suspend the question, admins list, dismiss and restore it', async () => {
    const h = await startSlackHarness({ bank: aBank(someQuestions(2)) });
    harness = h;
    const posted = await h.app.publisher.publish(channel);
    if (posted.kind !== 'posted') throw new Error('nothing posted');
    const questionId = posted.question.id;

    for (const user of ['U1', 'U2', 'U3']) {
      await h.click(encodeAction({ kind: 'answer', roundId: posted.round.id, choice: 'A' }), {
        user,
        responseId: `answer-${user}`,
      });
      // The private feedback carries the Report button.
      expect(await replyTo(h, `answer-${user}`)).toContain(encodeAction({ kind: 'report', questionId }));
      await h.click(encodeAction({ kind: 'report', questionId }), { user, triggerId: `trig-report-${user}` });
      await expect
        .poll(() => h.fake.callsOf('views.open').some((c) => c.body.trigger_id === `trig-report-${user}`))
        .toBe(true);
    }
    const opened = h.fake.callsOf('views.open')[0]?.body;
    const raw = opened?.view;
    const view = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
    };
    expect(view.callback_id).toBe(REPORT_CALLBACK_ID);
    expect(view.title.text.length).toBeLessThanOrEqual(24);

    const acks: string[] = [];
    for (const [user, reason] of [
      ['U1', 'wrong-key'],
      ['U1', 'ambiguous'],
      ['U2', 'ambiguous'],
      ['U3', 'outdated'],
    ] as const) {
      const res = await submitReport(h, user, view.private_metadata, reason, `${user} says ${reason}`);
      expect(res.status).toBe(200);
      acks.push(await res.text());
    }
    expect(acks[0]).toContain('"response_action":"update"');
    expect(acks[0]).toContain(`Thank you! Your report on ${questionId} is recorded`);
    expect(acks[1]).toContain('You have already reported this question'); // one open report per player
    expect(await h.store.suspendedQuestions(scope)).toEqual([questionId]);

    // Left out of this workspace's new rounds: the other question every time.
    for (let i = 0; i < 4; i++) {
      const started = await h.app.engine.startRound({ channel, kind: 'practice', ownerId: `P${i}` });
      expect(started.kind === 'started' && started.question.id).not.toBe(questionId);
    }

    await h.command('/quiz', 'reports', { user: 'U1', responseId: 'not-admin' });
    expect(await replyTo(h, 'not-admin')).toContain('Only workspace or server admins');
    await h.command('/quiz', 'reports', { user: 'UADMIN', responseId: 'list' });
    const list = await replyTo(h, 'list');
    expect(list).toContain(`${questionId}: 3 reports (wrong-key ×1, ambiguous ×1, outdated ×1) · suspended`);
    expect(list).toContain('U2 says ambiguous');

    await h.command('/quiz', `reports dismiss ${questionId}`, { user: 'UADMIN', responseId: 'dismiss' });
    expect(await replyTo(h, 'dismiss')).toContain(`Dismissed 3 reports on ${questionId}.`);
    expect(await h.store.suspendedQuestions(scope)).toEqual([questionId]); // dismissing keeps it out
    await h.command('/quiz', `restore ${questionId}`, { user: 'UADMIN', responseId: 'restore' });
    expect(await replyTo(h, 'restore')).toContain(`${questionId} is back`);
    expect(await h.store.suspendedQuestions(scope)).toEqual([]);
  });

  it('takes "I guessed" after a right answer and shows due reviews in /quiz me and the App Home', async () => {
    const h = await startSlackHarness();
    harness = h;
    const posted = await h.app.publisher.publish(channel);
    if (posted.kind !== 'posted') throw new Error('nothing posted');
    const right = posted.question.answer[0] ?? 'A';
    await h.click(encodeAction({ kind: 'answer', roundId: posted.round.id, choice: right }), {
      responseId: 'right',
    });
    const feedback = await replyTo(h, 'right');
    const guessed = encodeAction({ kind: 'guessed', questionId: posted.question.id });
    expect(feedback).toContain(guessed);
    await h.click(guessed, { responseId: 'guessed' });
    expect(await replyTo(h, 'guessed')).toContain('Noted: a guess counts as a weak answer');
    expect((await h.store.reviewLog(scope, 'U1'))[0]).toMatchObject({ correct: true, guessed: true });

    await h.command('/quiz', 'me', { responseId: 'me' });
    expect(await replyTo(h, 'me')).toContain('Reviews due: 0 (/quiz review)');
    await h.command('/quiz', 'review', { responseId: 'review' });
    expect(await replyTo(h, 'review')).toContain('No reviews due. The next one is due');
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
    await expect.poll(() => h.fake.callsOf('views.publish').length, { timeout: 3000 }).toBe(1);
    expect(JSON.stringify(h.fake.callsOf('views.publish')[0]?.body)).toContain('Reviews due: 0');
  });
});
