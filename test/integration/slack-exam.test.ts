import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exam } from '../../src/core/model/exam.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { displayLetter } from '../../src/core/rounds/choices.js';
import { anExamBank } from '../support/exam-bank.js';
import { CHANNEL, type SlackHarness, startSlackHarness, TEAM } from '../support/slack-harness.js';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const scope = `slack:${TEAM}`;

/** The one response posted to `response/<id>`, once it arrived. */
async function responseTo(h: SlackHarness, id: string): Promise<Record<string, unknown>> {
  await expect.poll(() => h.fake.responsesTo(id).length, { timeout: 3000 }).toBeGreaterThan(0);
  return h.fake.responsesTo(id)[0] ?? {};
}

/** A block action of a select menu, signed like any interaction. */
function select(
  h: SlackHarness,
  responseId: string,
  element: {
    type: 'static_select' | 'multi_static_select';
    action_id: string;
    block_id: string;
    values: string[];
  },
) {
  const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
  const payload = {
    type: 'block_actions',
    team: { id: TEAM, domain: 'test' },
    user: { id: 'U1', username: 'u1', name: 'u1', team_id: TEAM },
    api_app_id: 'A1',
    trigger_id: `trig-${responseId}`,
    channel: { id: CHANNEL, name: 'quiz' },
    container: { type: 'message', channel_id: CHANNEL, message_ts: '1.1', is_ephemeral: true },
    response_url: h.fake.responseUrl(responseId),
    actions: [
      {
        type: element.type,
        action_id: element.action_id,
        block_id: element.block_id,
        ...(element.type === 'static_select'
          ? { selected_option: option(element.values[0] ?? '') }
          : { selected_options: element.values.map(option) }),
        action_ts: '1.2',
      },
    ],
  };
  return h.post(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
  );
}

const header = (response: Record<string, unknown>): string =>
  (response.blocks as { type: string; text?: { text: string } }[])?.find((b) => b.type === 'header')?.text
    ?.text ?? '';
const text = (response: Record<string, unknown>): string =>
  JSON.stringify(response.blocks ?? response.text ?? '');

describe('Slack: a sprint mock exam through the real Bolt app (fake Slack Web API)', () => {
  it('starts, answers, flags, goes back, changes an answer, refuses a wrong count, asks before submitting and reports', async () => {
    const h = await startSlackHarness({ bank: anExamBank() });
    harness = h;
    await h.command('/quiz', 'exam sprint', { responseId: 'start' });
    const start = await responseTo(h, 'start');
    expect(start).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(header(start)).toBe('Question 1 of 10');
    expect(text(start)).toContain('Sprint mock exam: 10 questions in 24 minutes');
    mkdirSync('/tmp/exam', { recursive: true });
    writeFileSync('/tmp/exam/slack-exam-question.json', `${JSON.stringify(start, null, 2)}\n`);

    const exam = (await h.store.currentExam(scope, 'U1')) as Exam;
    const single = exam.items.findIndex((i) => !i.answer.includes(','));
    const multi = exam.items.findIndex((i) => i.answer.includes(','));
    const letterOf = (index: number, key: string): string =>
      displayLetter(exam.items[index]?.choiceOrder.indexOf(key) ?? -1);

    // A letter button answers the single-answer question and moves on, replacing the message in place.
    const answer = (index: number, key: string) =>
      encodeAction({ kind: 'exam-answer', examId: exam.id, index, choice: key });
    await h.click(answer(single, 'A'), { responseId: 'a1' });
    const moved = await responseTo(h, 'a1');
    expect(moved).toMatchObject({ replace_original: true });
    expect(header(moved)).toBe(`Question ${single + 2} of 10`);

    await h.click(encodeAction({ kind: 'exam-flag', examId: exam.id, index: multi }), { responseId: 'flag' });
    expect(header(await responseTo(h, 'flag'))).toBe(`Question ${multi + 1} of 10 · ⚑ flagged`);

    // The navigator goes back to the answered question: its answer shows; a new letter changes it.
    await select(h, 'nav', {
      type: 'static_select',
      action_id: 'exam-nav',
      block_id: 'exam-navigator',
      values: [encodeAction({ kind: 'exam-go', examId: exam.id, index: single })],
    });
    expect(text(await responseTo(h, 'nav'))).toContain(`Your answer: ${letterOf(single, 'A')}`);
    await h.click(answer(single, 'C'), { responseId: 'a2' });
    await responseTo(h, 'a2');
    await select(h, 'nav2', {
      type: 'static_select',
      action_id: 'exam-nav',
      block_id: 'exam-navigator',
      values: [encodeAction({ kind: 'exam-go', examId: exam.id, index: single })],
    });
    expect(text(await responseTo(h, 'nav2'))).toContain(`Your answer: ${letterOf(single, 'C')}`);

    // One option on a "choose two" question: refused with the count, nothing written.
    const picks = {
      type: 'multi_static_select' as const,
      action_id: 'exam-picks',
      block_id: `exam-picks:${exam.id}:${multi}`,
    };
    await select(h, 'm1', { ...picks, values: ['B'] });
    expect(text(await responseTo(h, 'm1'))).toContain('Pick exactly 2');
    expect((await h.store.currentExam(scope, 'U1'))?.answers[multi]).toBe('');
    await select(h, 'm2', { ...picks, values: ['D', 'B'] });
    await responseTo(h, 'm2');
    expect((await h.store.currentExam(scope, 'U1'))?.answers[multi]).toBe('B,D');

    const submit = encodeAction({ kind: 'exam-submit', examId: exam.id });
    await h.click(submit, { responseId: 's1' });
    expect(text(await responseTo(h, 's1'))).toContain('You have 8 unanswered and 1 flagged questions');
    await h.click(submit, { responseId: 's2' });
    const report = await responseTo(h, 's2');
    expect(report).toMatchObject({ replace_original: true });
    const reportText = text(report);
    expect(reportText).toMatch(/Sprint mock exam: 1 of 10 right \(10%\)/);
    expect(reportText).toContain('Google publishes no pass mark');
    expect(reportText).toContain('95% range');
    // The wrong and flagged questions come five to a page, in exam order: the flagged one (drawn at random
    // among ten) is on the first page or behind "More".
    let pages = reportText;
    if (!pages.includes(`Question ${multi + 1} ⚑`)) {
      await h.click('xr:2', { responseId: 'r2' });
      pages += text(await responseTo(h, 'r2'));
    }
    expect(pages).toContain(`Question ${multi + 1} ⚑`);

    await h.command('/quiz', 'exam history', { responseId: 'hist' });
    expect(text(await responseTo(h, 'hist'))).toContain('Sprint mock exam: 1/10 (10%)');
  }, 30_000);

  it('an exam whose time runs out while the player is away is scored by the sweep and the report sent privately, once', async () => {
    let offset = 0;
    const h = await startSlackHarness({ bank: anExamBank(), clock: { now: () => Date.now() + offset } });
    harness = h;
    await h.command('/quiz', 'exam sprint', { responseId: 'start' });
    await responseTo(h, 'start');
    const exam = (await h.store.currentExam(scope, 'U1')) as Exam;
    await h.click(encodeAction({ kind: 'exam-answer', examId: exam.id, index: 0, choice: 'A' }), {
      responseId: 'a1',
    });
    await responseTo(h, 'a1');

    await h.app.schedule.tick();
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'U1')).toEqual([]);
    offset = 24 * 60_000 + 11_000; // past the deadline and its grace
    await h.app.schedule.tick();
    await h.app.schedule.tick();
    const sent = h.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'U1');
    expect(sent).toHaveLength(1);
    const body = JSON.stringify(sent[0]?.body);
    expect(body).toContain('Time ran out');
    expect(body).toMatch(/Sprint mock exam: [01] of 10 right/);
    expect(await h.store.currentExam(scope, 'U1')).toMatchObject({ status: 'submitted' });
    expect((await h.store.examHistory(scope, 'U1'))[0]).toMatchObject({
      examId: exam.id,
      timedOut: true,
      usedMs: 24 * 60_000,
    });

    // A click after the deadline is refused: the message becomes the report, nothing is written.
    await h.click(encodeAction({ kind: 'exam-answer', examId: exam.id, index: 1, choice: 'B' }), {
      responseId: 'late',
    });
    expect(text(await responseTo(h, 'late'))).toContain('You have no exam open');
    expect((await h.store.currentExam(scope, 'U1'))?.answers[1]).toBe('');
  }, 30_000);

  it('a team mock day: an admin schedules it, the channel gets Start, three players take the same exam, the summary follows once', async () => {
    let offset = 0;
    const h = await startSlackHarness({ bank: anExamBank(), clock: { now: () => Date.now() + offset } });
    harness = h;
    const startsAt = Math.ceil((Date.now() + 60 * 60_000) / 60_000) * 60_000;
    const iso = new Date(startsAt).toISOString();
    await h.command('/quiz', `exam schedule sprint ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`, {
      user: 'U1',
      responseId: 'not-admin',
    });
    expect(text(await responseTo(h, 'not-admin'))).toContain('Only workspace or server admins');
    await h.command('/quiz', `exam schedule sprint ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`, {
      user: 'UADMIN',
      responseId: 'sched',
    });
    expect(text(await responseTo(h, 'sched'))).toContain('Scheduled: Sprint mock exam for this channel');

    const channelPosts = () => h.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    await h.app.schedule.tick();
    expect(channelPosts()).toHaveLength(0);
    offset = startsAt - Date.now() + 1000;
    await h.app.schedule.tick();
    await h.app.schedule.tick();
    expect(channelPosts()).toHaveLength(1);
    const post = JSON.stringify(channelPosts()[0]?.body);
    expect(post).toContain('Team mock day: Sprint mock exam');
    const start = /"action_id":"(xm:[A-Za-z0-9_-]+)"/.exec(post)?.[1] ?? '';
    expect(start).not.toBe('');

    // A player with a private exam open is asked to submit it first.
    await h.command('/quiz', 'exam sprint', { user: 'U4', responseId: 'u4-private' });
    await responseTo(h, 'u4-private');
    await h.click(start, { user: 'U4', responseId: 'u4-start' });
    const refused = await responseTo(h, 'u4-start');
    expect(refused).toMatchObject({ replace_original: false });
    expect(text(refused)).toContain('You have a private exam open. Submit it first');

    for (const user of ['U1', 'U2', 'U3']) {
      await h.click(start, { user, responseId: `${user}-start` });
      const first = await responseTo(h, `${user}-start`);
      // Privately, without touching the channel post.
      expect(first).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(header(first)).toBe('Question 1 of 10');
    }
    const exams = await Promise.all(['U1', 'U2', 'U3'].map((u) => h.store.currentExam(scope, u)));
    const order = (e: Exam | null) => e?.items.map((i) => i.questionId).join(',');
    expect(new Set(exams.map(order)).size).toBe(1);

    // U1 answers everything right and opts in to be named; U2 hands in an empty exam; U3 lets the time run out.
    const u1 = exams[0] as Exam;
    for (let i = 0; i < u1.items.length; i++) {
      await h.store.updateExam(
        scope,
        'U1',
        u1.id,
        { position: i + 1, answer: { index: i, choice: u1.items[i]?.answer ?? '' } },
        Date.now() + offset,
        10_000,
      );
    }
    const submit = (user: string, exam: Exam | null, id: string) =>
      h.click(encodeAction({ kind: 'exam-submit', examId: exam?.id ?? '' }), { user, responseId: id });
    await submit('U1', u1, 'u1-submit');
    expect(text(await responseTo(h, 'u1-submit'))).toContain('10 of 10 right');
    await submit('U2', exams[1] ?? null, 'u2-ask');
    await responseTo(h, 'u2-ask');
    await submit('U2', exams[1] ?? null, 'u2-submit');
    expect(text(await responseTo(h, 'u2-submit'))).toContain('0 of 10 right');
    await h.command('/quiz', 'exam public on', { user: 'U1', responseId: 'public' });
    expect(text(await responseTo(h, 'public'))).toContain('may now be named');

    // Too early for the summary while the window is open; after it and the last exam's time, one summary.
    await h.app.schedule.tick();
    expect(channelPosts()).toHaveLength(1);
    offset = startsAt - Date.now() + 3 * 60 * 60_000 + 24 * 60_000 + 11_000;
    await h.app.schedule.tick();
    await h.app.schedule.tick();
    expect(channelPosts()).toHaveLength(2);
    const summary = JSON.stringify(channelPosts()[1]?.body);
    expect(summary).toContain('Team mock day results: Sprint mock exam');
    expect(summary).toContain('3 participants');
    expect(summary).toContain('Team average per section (95% range)');
    expect(summary).toContain('▰▰▱▱▱ Low-code: 33% (15-58%)');
    expect(summary).toContain(' 0-19%: ██ 2');
    expect(summary).toContain('80-100%: █ 1');
    expect(summary).toContain('1. user-u1: 100%');
    expect(summary).not.toContain('user-u2');
    expect(summary).toContain('Google publishes no pass mark');
    // U3's exam was scored when its time ran out, and U3 got the report privately.
    expect(await h.store.currentExam(scope, 'U3')).toMatchObject({ status: 'submitted' });
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'U3')).toHaveLength(1);
  }, 30_000);
});
