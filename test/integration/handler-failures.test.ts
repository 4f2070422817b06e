import { PassThrough, Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsolePlatform } from '../../src/adapters/console/console-platform.js';
import { runConsoleSession } from '../../src/adapters/console/console-session.js';
import { MemorySubscriptionStore } from '../../src/adapters/memory/memory-subscription-store.js';
import { buildApp } from '../../src/app/app.js';
import { scopeId } from '../../src/core/model/model.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { en } from '../../src/core/presentation/messages/en.js';
import { aBank, aCatalog, someQuestions } from '../support/builders.js';
import {
  type DiscordHarness,
  recordingLogger,
  startDiscordHarness,
  textOf,
} from '../support/discord-harness.js';
import { CHANNEL_ID, click, GUILD_ID, slash } from '../support/discord-interactions.js';
import { storeFailingOn } from '../support/failing-store.js';
import { type SlackHarness, startSlackHarness } from '../support/slack-harness.js';

/**
 * A failure nobody planned for (here: a store method with a bug) still gets the person a private
 * "something went wrong, try again", on every platform, and the process goes on.
 */
const WRONG = en.somethingWentWrong;

describe('a handler failure on Slack', () => {
  let h: SlackHarness;
  const logged: { level: number; msg: string; err?: { message?: string } }[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
        done();
      },
    });
    h = await startSlackHarness({
      store: storeFailingOn(['playerStats', 'recordAnswer']),
      log: pino({ level: 'info' }, sink),
    });
  });
  const failuresLogged = (bug: string) =>
    logged.filter((l) => l.level >= 50 && l.err?.message === `bug in ${bug}`).length;
  afterAll(async () => {
    await h.stop();
  });

  async function replyTo(id: string): Promise<string> {
    await expect.poll(() => h.fake.responsesTo(id).length, { timeout: 3000 }).toBeGreaterThan(0);
    return JSON.stringify(h.fake.responsesTo(id));
  }

  it('answers a failed /quiz command privately', async () => {
    const res = await h.command('/quiz', 'me', { responseId: 'me-1' });
    expect(res.status).toBe(200);
    const reply = await replyTo('me-1');
    expect(reply).toContain(WRONG);
    expect(reply).toContain('"response_type":"ephemeral"');
    expect(failuresLogged('playerStats')).toBe(1);
  });

  it('answers a failed click privately', async () => {
    const posted = await h.app.publisher.publish({ scope: scopeId('slack', 'T1'), channelId: 'C1' });
    if (posted.kind !== 'posted') throw new Error('nothing posted');
    const action = encodeAction({ kind: 'answer', roundId: posted.round.id, choice: 'A' });
    expect((await h.click(action, { responseId: 'click-1' })).status).toBe(200);
    expect(await replyTo('click-1')).toContain(WRONG);
    expect(failuresLogged('recordAnswer')).toBe(1);
  });

  it('never answers a signed but malformed payload with a 5xx', async () => {
    const action = encodeAction({ kind: 'answer', roundId: 'r1', choice: 'A' });
    const shapes = [
      { type: 'block_actions', actions: [{ type: 'button', action_id: action, action_ts: '1.2' }] },
      { type: 'block_actions', user: { id: 'U1' }, actions: [{ type: 'button', action_id: action }] },
      { type: 'block_actions', team: { id: 'T1' }, channel: { id: 'C1' }, actions: [] },
      { type: 'block_actions' },
      { type: 'view_submission' },
      { type: 'shortcut' },
    ];
    for (const payload of shapes) {
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const res = await h.post(body, 'application/x-www-form-urlencoded');
      expect(res.status, JSON.stringify(payload)).toBeLessThan(500);
    }
    const command = new URLSearchParams({ command: '/quiz', text: 'me' }).toString();
    expect((await h.post(command, 'application/x-www-form-urlencoded')).status).toBeLessThan(500);
    const event = JSON.stringify({ type: 'event_callback', event: { type: 'app_home_opened' } });
    expect((await h.post(event, 'application/json')).status).toBeLessThan(500);
  });
});

describe('a handler failure on Discord', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness({ locale: 'en', store: storeFailingOn(['playerStats', 'recordAnswer']) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers a failed command privately and logs it once', async () => {
    const before = h.log.problems.length;
    const { final } = await h.interact(slash('quiz', ['me'], {}));
    expect(textOf(final)).toContain(WRONG);
    const logged = h.log.problems.slice(before).filter((p) => p.level === 'error');
    expect(logged).toHaveLength(1);
  });

  it('answers a failed click privately and logs it once', async () => {
    const posted = await h.app.publisher.publish({
      scope: scopeId('discord', GUILD_ID),
      channelId: CHANNEL_ID,
    });
    if (posted.kind !== 'posted') throw new Error('nothing posted');
    const before = h.log.problems.length;
    const action = encodeAction({ kind: 'answer', roundId: posted.round.id, choice: 'A' });
    const { final } = await h.interact(click(action, posted.messageRef));
    expect(textOf(final)).toContain(WRONG);
    expect(h.log.problems.slice(before).filter((p) => p.level === 'error')).toHaveLength(1);
  });
});

describe('a handler failure in the console', () => {
  it('prints "something went wrong", logs it once and reads on', async () => {
    const store = storeFailingOn(['playerStats']);
    const bank = aBank(someQuestions(3));
    const app = buildApp({
      bank,
      catalog: aCatalog(),
      store,
      subscriptions: new MemorySubscriptionStore(),
      clock: { now: () => Date.parse('2026-11-26T00:00:00Z') },
      log: recordingLogger(),
      quiz: { timeZone: 'Asia/Tokyo', cron: '0 9 * * 1-5', locale: 'en', adminUserIds: [], questionsDir: '' },
      channelLocale: 'en',
    });
    let output = '';
    const write = (text: string): void => {
      output += text;
    };
    const platform = new ConsolePlatform(write, bank, 'Asia/Tokyo', 'en');
    app.platforms.set('console', platform);
    const input = new PassThrough();
    const log = recordingLogger();
    input.end('/quiz me\nhelp\n');
    await runConsoleSession({
      commands: app.commands,
      publisher: app.publisher,
      platform,
      input,
      write,
      defaultLocale: 'en',
      displayName: 'tester',
      log,
    });
    expect(output).toContain(WRONG);
    expect(output.slice(output.indexOf(WRONG))).toContain(en.helpQuit);
    expect(log.problems.filter((p) => p.level === 'error')).toHaveLength(1);
  });
});
