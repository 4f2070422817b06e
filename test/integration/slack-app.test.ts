import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import { StoreUnavailableError } from '../../src/core/model/errors.js';
import type { RecordAnswerInput, RecordAnswerResult } from '../../src/core/ports/quiz-store.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { letterOf } from '../../src/core/rounds/choices.js';
import { rightKey } from '../support/builders.js';
import {
  CHANNEL,
  type SlackHarness,
  slackSignature,
  startSlackHarness,
  TEAM,
} from '../support/slack-harness.js';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const channel = { scope: `slack:${TEAM}`, channelId: CHANNEL };

/** Text of every block of a Slack message, for assertions. */
function textOf(body: Record<string, unknown>): string {
  return JSON.stringify(body.blocks ?? body.text ?? '');
}

async function replyTo(h: SlackHarness, id: string): Promise<string> {
  await expect.poll(() => h.fake.responsesTo(id).length, { timeout: 3000 }).toBeGreaterThan(0);
  const [reply] = h.fake.responsesTo(id);
  expect(reply?.response_type).toBe('ephemeral');
  return textOf(reply ?? {});
}

async function postRound(h: SlackHarness) {
  const result = await h.app.publisher.publish(channel);
  if (result.kind !== 'posted') throw new Error('no question posted');
  return result;
}

describe('Slack app over HTTP (real Bolt, fake Slack API)', () => {
  it('runs one full round: post, three clicks, close, reveal, leaderboard', async () => {
    const h = await startSlackHarness();
    harness = h;
    const transcript: string[] = [];
    const { round, question } = await postRound(h);
    const [post] = h.fake.callsOf('chat.postMessage');
    transcript.push(`chat.postMessage -> ${textOf(post?.body ?? {})}`);
    expect(post?.body.channel).toBe(CHANNEL);
    expect(textOf(post?.body ?? {})).toContain(question.stem.en.slice(0, 40));
    // Each choice written out once in the body; the buttons carry the letters only, in the round's order.
    const blocks = post?.body.blocks as {
      type: string;
      elements?: { text: { text: string }; action_id: string }[];
    }[];
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => [b.text.text, b.action_id])).toEqual(
      (round.choiceOrder ?? []).map((key, i) => ['ABCDE'[i], `ans:${round.id}:${key}`]),
    );
    for (const choice of question.choices) {
      expect(textOf(post?.body ?? {}).split(choice.text.en).length - 1).toBe(1);
    }

    const right = rightKey(question);
    const wrong = question.choices.find((c) => c.key !== right)?.key ?? 'A';
    const clicks = [
      ['U1', right],
      ['U2', wrong],
      ['U3', right],
    ] as const;
    for (const [user, choice] of clicks) {
      const id = `round-${user}`;
      const started = Date.now();
      const res = await h.click(encodeAction({ kind: 'answer', roundId: round.id, choice }), {
        user,
        responseId: id,
      });
      transcript.push(`${user} clicks ${choice} -> HTTP ${res.status} in ${Date.now() - started} ms`);
      expect(res.status).toBe(200);
      const reply = await replyTo(h, id);
      transcript.push(`  ephemeral to ${user}: ${reply.slice(0, 160)}…`);
      expect(reply).toContain(choice === right ? 'Correct! +10 points' : 'Not quite.');
      expect(reply).toContain('Why it is right');
      if (choice !== right) expect(reply).toContain('Why your choice is wrong');
    }
    // The public message's answer count follows, throttled.
    await expect
      .poll(() => h.fake.callsOf('chat.update').some((c) => textOf(c.body).includes('3 answers so far')), {
        timeout: 3000,
      })
      .toBe(true);
    transcript.push(
      `chat.update (count) x${h.fake.callsOf('chat.update').length}, last shows "3 answers so far"`,
    );

    expect(await h.app.publisher.closeAndReveal(round)).toBe('revealed');
    const reveal = h.fake.callsOf('chat.update').at(-1);
    const thread = h.fake.callsOf('chat.postMessage').at(-1);
    transcript.push(`chat.update (reveal) -> ${textOf(reveal?.body ?? {}).slice(0, 300)}…`);
    transcript.push(`chat.postMessage thread_ts=${String(thread?.body.thread_ts)} -> explanation`);
    // Named by the letter the round showed it under.
    expect(textOf(reveal?.body ?? {})).toContain(`Correct answer: ${letterOf(question, round, right)}.`);
    expect(textOf(reveal?.body ?? {})).toContain('(67%)');
    expect(textOf(reveal?.body ?? {})).toContain('3 people answered');
    expect(thread?.body.thread_ts).toBe(round.messageRef ?? post?.body.ts ?? thread?.body.thread_ts);
    expect(await h.app.publisher.closeAndReveal(round)).toBe('skipped'); // closing twice reveals once

    const late = await h.click(encodeAction({ kind: 'answer', roundId: round.id, choice: 'A' }), {
      user: 'U4',
      responseId: 'late',
    });
    expect(late.status).toBe(200);
    expect(await replyTo(h, 'late')).toContain('This question has closed.');

    // A period is named by its dates, not by an ISO week code.
    await h.command('/quiz', 'leaderboard', { user: 'U1', responseId: 'lb-week' });
    const week = await replyTo(h, 'lb-week');
    expect(week).toMatch(/Leaderboard, [A-Z][a-z]{2} \d{1,2}–/);
    expect(week).not.toMatch(/W\d{2}/);
    await h.command('/quiz', 'leaderboard all', { user: 'U1', responseId: 'lb' });
    const board = await replyTo(h, 'lb');
    transcript.push(`/quiz leaderboard all -> ${board}`);
    expect(board).toMatch(/1\. user-u1: 10 pts/);
    expect(board).toMatch(/1\. user-u3: 10 pts/);
    expect(board).toContain('You: #1 with 10 pts');
    writeFileSync(path.join(tmpdir(), 'slack-round-transcript.txt'), `${transcript.join('\n')}\n`);
  });

  it('answers duplicate, unknown and malformed clicks with the right private message', async () => {
    const h = await startSlackHarness();
    harness = h;
    const { round, question } = await postRound(h);
    const answer = encodeAction({ kind: 'answer', roundId: round.id, choice: rightKey(question) });
    await h.click(answer, { responseId: 'first' });
    await replyTo(h, 'first');
    await h.click(encodeAction({ kind: 'answer', roundId: round.id, choice: 'A' }), { responseId: 'dup' });
    expect(await replyTo(h, 'dup')).toContain(
      `You already answered this one (your answer: ${letterOf(question, round, rightKey(question))}.`,
    );
    await h.click(encodeAction({ kind: 'answer', roundId: 'gone123', choice: 'A' }), {
      responseId: 'unknown',
    });
    expect(await replyTo(h, 'unknown')).toContain('This question is no longer available.');
    await h.click('ans:bad id:Z', { responseId: 'forged' });
    expect(await replyTo(h, 'forged')).toContain('This question is no longer available.');
  });

  it('acks a click on the docs link (a link button sends an action too) and answers nothing', async () => {
    const h = await startSlackHarness();
    harness = h;
    // Unacked, Bolt's 3-second timer would answer 404 and Slack would show an error on the button.
    const res = await h.click('open-docs', { responseId: 'docs' });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.responsesTo('docs')).toHaveLength(0);
  });

  it('processes a retried delivery once', async () => {
    const h = await startSlackHarness();
    harness = h;
    const { round, question } = await postRound(h);
    const action = encodeAction({ kind: 'answer', roundId: round.id, choice: rightKey(question) });
    await h.click(action, { responseId: 'once', triggerId: 'trig-retry' });
    await replyTo(h, 'once');
    const retry = await h.click(action, {
      responseId: 'once',
      triggerId: 'trig-retry',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.responsesTo('once')).toHaveLength(1);
  });

  it('refuses forged, expired and malformed requests without crashing', async () => {
    const h = await startSlackHarness();
    harness = h;
    const body = new URLSearchParams({
      command: '/quiz',
      text: 'help',
      team_id: TEAM,
      user_id: 'U1',
    }).toString();
    const form = 'application/x-www-form-urlencoded';
    const forged = await fetch(h.url, {
      method: 'POST',
      body,
      headers: { 'content-type': form, ...slackSignature(body, undefined, 'wrong-secret') },
    });
    expect(forged.status).toBe(401);
    const expired = await fetch(h.url, {
      method: 'POST',
      body,
      headers: { 'content-type': form, ...slackSignature(body, Math.floor(Date.now() / 1000) - 600) },
    });
    expect(expired.status).toBe(401);
    const unsigned = await fetch(h.url, { method: 'POST', body, headers: { 'content-type': form } });
    expect(unsigned.status).toBe(401);
    const garbage = await h.post('payload=%7Bnot-json', form);
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    expect(garbage.status).toBeLessThan(500);
    const badJson = await h.post('{"type":', 'application/json');
    expect(badJson.status).toBeGreaterThanOrEqual(400);
    expect(badJson.status).toBeLessThan(500);
    // Still serving.
    await h.command('/quiz', 'help', { responseId: 'alive' });
    expect(await replyTo(h, 'alive')).toContain('PMLE quiz');
  });

  it('runs every /quiz subcommand and gives usage for wrong input', async () => {
    const h = await startSlackHarness();
    harness = h;
    h.fake.admins.add('UBOSS');
    let n = 0;
    const run = async (text: string, user = 'U1') => {
      const id = `q-${++n}`;
      await h.command('/quiz', text, { user, responseId: id });
      return replyTo(h, id);
    };
    // The Slack help, from the command table: what Slack offers, admin actions apart, no console commands.
    const help = await run('help');
    for (const command of [
      '/quiz leaderboard',
      '/quiz lang ja|en',
      '/quiz guessed',
      '/quiz post [section]',
    ]) {
      expect(help).toContain(command);
    }
    expect(help).not.toMatch(/\/quiz today|\/practice|Ctrl-C/);
    expect(await run('today')).toMatch(/Unknown command .*today/);
    expect(await run('next foo')).toContain('is not an exam section. The sections are: low-code-ai (1)');
    expect(await run('me')).toContain('Stats for u1');
    expect(await run('next')).toContain('Practice question (not scored)');
    expect(await run('team join <!channel> *ML Ops*')).toContain('You joined ML Ops (new team).');
    expect(await run('team list')).toContain('ML Ops: 1 member');
    expect(await run('leaderboard week teams')).toContain('Team leaderboard');
    expect(await run('team leave')).toContain('You left ML Ops.');
    expect(await run('lang ja')).toContain('言語を日本語に設定しました。');
    expect(await run('help')).toContain('PMLE クイズ'); // the user's own language from now on
    expect(await run('lang en')).toContain('Language set to English.');
    expect(await run('leaderboard yesterday')).toContain('Usage: /quiz leaderboard');
    expect(await run('dance')).toMatch(/Unknown command .*dance/);
    expect(await run('schedule')).toContain('This channel gets no daily question yet.');
    expect(await run('schedule 0 9 * * 1-5')).toContain('Only workspace or server admins');
    expect(await run('post')).toContain('Only workspace or server admins');
    expect(await run('schedule 0 9 * * 1-5 Asia/Tokyo', 'UBOSS')).toContain('Schedule saved.');
    expect(await run('schedule 0 25 * * *', 'UBOSS')).toContain('is not a valid schedule');
    expect(await run('schedule 0 9 * * * Mars/Base', 'UBOSS')).toContain('is not a time zone');
    expect(await run('schedule', 'U1')).toMatch(/Next posts \(Asia\/Tokyo\)/);
    expect(await run('post', 'UADMIN')).toContain('Posted a question to this channel.');
    expect(h.fake.callsOf('chat.postMessage').length).toBeGreaterThan(0);
    expect(await run('schedule off', 'UBOSS')).toContain('no longer gets the daily question');
  });

  it('looks services up with /gcp', async () => {
    const h = await startSlackHarness();
    harness = h;
    let n = 0;
    const gcp = async (text: string) => {
      const id = `gcp-${++n}`;
      await h.command('/gcp', text, { responseId: id });
      return replyTo(h, id);
    };
    const card = await gcp('dataflow');
    expect(card).toContain('Dataflow');
    expect(card).toContain('Formerly: Cloud Dataflow');
    expect(card).toContain('Choose it on the exam when');
    expect(card).toContain('https://cloud.google.com/dataflow/docs');
    expect(await gcp('')).toContain('Usage: /gcp');
    expect(await gcp('zzzzqqq')).toContain('No Google Cloud service matches');
    const lookup = await gcp('データフロー');
    expect(lookup).toContain('Dataflow');
  });

  it('publishes the Home tab with the user stats', async () => {
    const h = await startSlackHarness();
    harness = h;
    const res = await h.event({
      type: 'app_home_opened',
      user: 'U7',
      channel: 'D1',
      tab: 'home',
      event_ts: '1.1',
    });
    expect(res.status).toBe(200);
    await expect.poll(() => h.fake.callsOf('views.publish').length, { timeout: 3000 }).toBe(1);
    const view = h.fake.callsOf('views.publish')[0]?.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view)).toContain('this week: 0 pts');
    // A retried delivery of the same event is not processed again.
    const retried = await h.event(
      { type: 'app_home_opened', user: 'U7', channel: 'D1', tab: 'home', event_ts: '1.1' },
      { eventId: 'EvSame', headers: {} },
    );
    expect(retried.status).toBe(200);
    await h.event(
      { type: 'app_home_opened', user: 'U7', channel: 'D1', tab: 'home', event_ts: '1.1' },
      { eventId: 'EvSame', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } },
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsOf('views.publish')).toHaveLength(2);
  });

  it('tells the user the answer was not recorded when the store is down', async () => {
    class DownStore extends MemoryQuizStore {
      down = false;
      override async recordAnswer(input: RecordAnswerInput): Promise<RecordAnswerResult> {
        if (this.down) throw new StoreUnavailableError('redis down');
        return super.recordAnswer(input);
      }
    }
    const store = new DownStore();
    const h = await startSlackHarness({ store });
    harness = h;
    const { round, question } = await postRound(h);
    store.down = true;
    const action = encodeAction({ kind: 'answer', roundId: round.id, choice: rightKey(question) });
    const res = await h.click(action, { responseId: 'down' });
    expect(res.status).toBe(200);
    expect(await replyTo(h, 'down')).toContain('your answer was not recorded');
    store.down = false;
    await h.click(action, { responseId: 'back' });
    expect(await replyTo(h, 'back')).toContain('Correct!');
  });

  it('pauses a subscription whose channel is gone instead of retrying', async () => {
    // Real time, moved on by hand: a schedule posts from the first slot after it was set.
    let offset = 0;
    const h = await startSlackHarness({ clock: { now: () => Date.now() + offset } });
    harness = h;
    h.fake.admins.add('UBOSS');
    await h.command('/quiz', 'schedule * * * * *', { user: 'UBOSS', responseId: 'sub' });
    await replyTo(h, 'sub');
    offset = 60_000;
    h.fake.failNext('chat.postMessage', 'channel_not_found');
    await h.app.schedule.tick();
    await h.app.schedule.tick();
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
    await h.command('/quiz', 'schedule', { user: 'U1', responseId: 'paused' });
    expect(await replyTo(h, 'paused')).toContain('Paused: chat.postMessage: channel_not_found');
  });
});

describe('Slack readiness', () => {
  it('is ready while the bot token passes auth.test, and says why not when it fails', async () => {
    const h = await startSlackHarness();
    harness = h;
    expect(await h.bot.problem()).toBeNull();
    const fresh = await startSlackHarness();
    await h.stop();
    harness = fresh;
    // Bolt checks the token once by itself at start; the failure is for the readiness check's own call.
    await expect.poll(() => fresh.fake.callsOf('auth.test').length).toBeGreaterThan(0);
    fresh.fake.failNext('auth.test', 'invalid_auth');
    expect(await fresh.bot.problem()).toBe('auth.test: invalid_auth');
  });
});

describe('Slack app in Socket Mode', () => {
  it('connects through apps.connections.open and answers a slash command envelope', async () => {
    const h = await startSlackHarness({ socketMode: true });
    harness = h;
    expect(h.fake.callsOf('apps.connections.open')[0]?.authorization).toBe('Bearer xapp-test');
    const ack = await h.fake.sendEnvelope({
      envelope_id: 'env-1',
      type: 'slash_commands',
      payload: {
        command: '/quiz',
        text: 'help',
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: 'U1',
        user_name: 'u1',
        response_url: h.fake.responseUrl('socket'),
        trigger_id: 'trig-socket',
        api_app_id: 'A1',
      },
    });
    expect(ack).toEqual({});
    expect(await replyTo(h, 'socket')).toContain('PMLE quiz');
  });
});
