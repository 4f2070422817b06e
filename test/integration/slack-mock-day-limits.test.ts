import { afterEach, describe, expect, it } from 'vitest';
import type { Exam } from '../../src/core/model/exam.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { anExamBank } from '../support/exam-bank.js';
import { CHANNEL, type SlackHarness, startSlackHarness, TEAM } from '../support/slack-harness.js';

/**
 * A team mock day with 200 participants on Slack, counting what the app sends: `chat.postMessage` allows about
 * one message per second per channel, so the channel must get the Start post and one summary, not a message
 * per participant. Each player's exam comes and goes through their own click's `response_url`, which is not
 * counted against the channel.
 */

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const scope = `slack:${TEAM}`;
const MINUTE = 60_000;
const PLAYERS = 200;

/** The one response posted to `response/<id>`, once it arrived. */
async function responseTo(h: SlackHarness, id: string): Promise<Record<string, unknown>> {
  await expect.poll(() => h.fake.responsesTo(id).length, { timeout: 3000, interval: 5 }).toBeGreaterThan(0);
  return h.fake.responsesTo(id)[0] ?? {};
}

describe('Slack: a team mock day with 200 participants', () => {
  it('posts to the channel twice (Start and the summary); every player message goes through a response_url', async () => {
    let offset = 0;
    const h = await startSlackHarness({ bank: anExamBank(), clock: { now: () => Date.now() + offset } });
    harness = h;
    const startsAt = Math.ceil((Date.now() + 60 * MINUTE) / MINUTE) * MINUTE;
    const iso = new Date(startsAt).toISOString();
    await h.command('/quiz', `exam schedule sprint ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`, {
      user: 'UADMIN',
      responseId: 'sched',
    });
    expect(JSON.stringify(await responseTo(h, 'sched'))).toContain('Scheduled: Sprint mock exam');
    offset = startsAt - Date.now() + 1000;
    await h.app.schedule.tick();
    const channelPosts = () => h.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(channelPosts()).toHaveLength(1);
    const start =
      /"action_id":"(xm:[A-Za-z0-9_-]+)"/.exec(JSON.stringify(channelPosts()[0]?.body))?.[1] ?? '';
    expect(start).not.toBe('');

    const callsBefore = h.fake.calls.length;
    const responsesBefore = h.fake.responses.length;
    for (let i = 0; i < PLAYERS; i++) {
      const user = `UP${i}`;
      await h.click(start, { user, responseId: `${user}-start` });
      expect(await responseTo(h, `${user}-start`)).toMatchObject({ response_type: 'ephemeral' });
      const exam = (await h.store.currentExam(scope, user)) as Exam;
      const submit = encodeAction({ kind: 'exam-submit', examId: exam.id });
      // An empty exam: Submit asks once, Submit again hands it in.
      await h.click(submit, { user, responseId: `${user}-ask` });
      await responseTo(h, `${user}-ask`);
      await h.click(submit, { user, responseId: `${user}-submit` });
      expect(JSON.stringify(await responseTo(h, `${user}-submit`))).toContain('0 of 10 right');
    }
    offset = startsAt - Date.now() + 3 * 60 * MINUTE + 24 * MINUTE + 11_000;
    await h.app.schedule.tick();
    await h.app.schedule.tick();

    // Each player's start, question and report: one response to their own click's response_url each.
    const responses = h.fake.responses.slice(responsesBefore);
    expect(responses).toHaveLength(3 * PLAYERS);
    expect(new Set(responses.map((r) => r.id)).size).toBe(3 * PLAYERS);
    // The Web API calls of the whole day after the Start post: the one summary, nothing per participant.
    const calls = h.fake.calls.slice(callsBefore);
    expect(calls.map((c) => `${c.method} ${String(c.body.channel)}`)).toEqual([
      `chat.postMessage ${CHANNEL}`,
    ]);
    expect(channelPosts()).toHaveLength(2);
    expect(JSON.stringify(channelPosts()[1]?.body)).toContain('200 participants');
  }, 120_000);
});
