import { REST } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rejectLongChannelRateLimits } from '../../src/adapters/discord/discord-errors.js';
import { DiscordPlatform } from '../../src/adapters/discord/discord-platform.js';
import { PlatformError } from '../../src/core/ports/chat-platform.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { textView } from '../../src/core/presentation/views.js';
import { displayedChoices, letterOf } from '../../src/core/rounds/choices.js';
import { RoundPublisher } from '../../src/core/rounds/round-publisher.js';
import { buttonsOf, embedOf, textOf } from '../support/discord-harness.js';
import { requestProblems } from '../support/discord-payload-limits.js';
import { anEngine } from '../support/engine-fixture.js';
import { FakeDiscord, type RecordedRequest } from '../support/fake-discord.js';

/** DiscordPlatform's REST calls: what the channel messages look like, and how failures are reported. */

const SCOPE = 'discord:200000000000000001';
let fake: FakeDiscord;
let rest: REST;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  rest = new REST({ api: fake.apiUrl, retries: 0, rejectOnRateLimit: rejectLongChannelRateLimits }).setToken(
    'fake-token',
  );
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.clearFailures());

function setup(refreshIntervalMs = 100) {
  const { engine, clock } = anEngine();
  const platform = new DiscordPlatform({
    rest,
    bank: engine.bank,
    timeZone: 'Asia/Tokyo',
    locale: 'en',
    log: silentLogger,
    refreshIntervalMs,
    loadRound: async (ref) => {
      const round = await engine.getRound(ref);
      const question = round ? engine.bank.get(round.questionId) : undefined;
      return round && question ? { round, question } : null;
    },
  });
  const publisher = new RoundPublisher(engine, () => platform, silentLogger);
  return { engine, clock, platform, publisher };
}

let channelSeq = 600000000000000000n;
/** A fresh channel per test: rate-limit state in discord.js is per channel. */
function aChannel() {
  channelSeq += 1n;
  return { scope: SCOPE, channelId: String(channelSeq) };
}

function requestsTo(channelId: string): RecordedRequest[] {
  return fake.requests.filter((r) => r.route.startsWith(`/channels/${channelId}/`));
}

describe('DiscordPlatform payloads', () => {
  it('postQuestion: carries the round id as an enforced nonce, so a retry after a lost answer gets the same message', async () => {
    const { publisher, platform } = setup();
    const channel = aChannel();
    const posted = await publisher.publish(channel);
    if (posted.kind !== 'posted') throw new Error('not posted');
    const [first] = requestsTo(channel.channelId);
    expect(first?.body).toMatchObject({ nonce: posted.round.id, enforce_nonce: true });
    // The scheduler's retry of the same round (its first answer was lost, say): no second message.
    const again = await platform.postQuestion(channel, posted.round, posted.question, { retry: true });
    expect(again).toBe(posted.messageRef);
  });

  it('postQuestion: an embed with stem and context, one button per choice, nobody pinged', async () => {
    const { publisher } = setup();
    const channel = aChannel();
    const posted = await publisher.publish(channel);
    if (posted.kind !== 'posted') throw new Error('not posted');
    const [post] = requestsTo(channel.channelId);
    if (!post) throw new Error('no request');
    expect(post.method).toBe('POST');
    expect(post.auth).toBe('Bot fake-token');
    const embed = embedOf(post);
    expect(embed.title).toBe("Today's PMLE question");
    // The stem, then every choice written out once, in the round's order and under its letters.
    const shown = displayedChoices(posted.question, posted.round);
    expect(embed.description).toBe(
      `${posted.question.stem.en}\n\n${shown.map((d) => `**${d.letter}.** ${d.choice.text.en}`).join('\n')}`,
    );
    expect(embed.footer?.text).toMatch(/^Low-code · easy · closes .+\n0 answers so far$/);
    // Buttons carry the letter only; the action names the bank's key behind it.
    expect(buttonsOf(post).map((b) => [b.label, b.custom_id])).toEqual(
      shown.map((d) => [d.letter, `ans:${posted.round.id}:${d.choice.key}`]),
    );
    expect((post.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(posted.messageRef).toMatch(/^\d+$/);
  });

  it('refreshAnswerCount: edits only the embed, throttled, and never after the reveal', async () => {
    const { publisher, platform } = setup(150);
    const channel = aChannel();
    const posted = await publisher.publish(channel);
    if (posted.kind !== 'posted') throw new Error('not posted');
    for (let count = 1; count <= 20; count += 1)
      await platform.refreshAnswerCount(channel, posted.round.id, count);
    await platform.refreshAnswerCount(channel, posted.round.id, 7); // a late, smaller count never goes back
    await expect
      .poll(
        () =>
          requestsTo(channel.channelId)
            .filter((r) => r.method === 'PATCH')
            .map(textOf)
            .at(-1) ?? '',
      )
      .toContain('20 answers so far');
    const edits = requestsTo(channel.channelId).filter((r) => r.method === 'PATCH');
    expect(edits.length).toBeLessThanOrEqual(2);
    expect(Object.keys(edits[0]?.body as object).sort()).toEqual(['allowed_mentions', 'embeds']);

    await platform.refreshAnswerCount(channel, posted.round.id, 21); // pending when the round closes
    expect(await publisher.closeAndReveal(posted.round)).toBe('revealed');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = requestsTo(channel.channelId).filter((r) => r.method === 'PATCH');
    expect(textOf(after.at(-1) as RecordedRequest)).toContain('Answer revealed');
    await platform.refreshAnswerCount(channel, posted.round.id, 22);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requestsTo(channel.channelId).filter((r) => r.method === 'PATCH')).toHaveLength(after.length);
  });

  it('revealRound: the message shows answer and votes with disabled buttons; the explanation replies to it', async () => {
    const { publisher, engine } = setup();
    const channel = aChannel();
    const posted = await publisher.publish(channel);
    if (posted.kind !== 'posted') throw new Error('not posted');
    const player = (id: string) => ({ id, displayName: id });
    for (const [id, choice] of [
      ['u1', 'B'],
      ['u2', 'B'],
      ['u3', 'A'],
    ] as const) {
      await engine.submitAnswer({ scope: SCOPE, roundId: posted.round.id, player: player(id), choice });
    }
    await publisher.closeAndReveal(posted.round);
    const [, edit, reply] = requestsTo(channel.channelId);
    if (!edit || !reply) throw new Error(`expected an edit and a reply:\n${fake.describeRequests()}`);
    expect(edit.method).toBe('PATCH');
    expect(edit.route).toBe(`/channels/${channel.channelId}/messages/${posted.messageRef}`);
    const letter = (key: string) => letterOf(posted.question, posted.round, key);
    expect(textOf(edit)).toContain(`Correct answer: ${letter('B')}. Choice B`);
    expect(textOf(edit)).toContain(`✅ ${letter('B')}. Choice B: 2 (67%)`);
    expect(textOf(edit)).toContain(`${letter('A')}. Choice A: 1 (33%)`);
    expect(embedOf(edit).footer?.text).toBe('3 people answered');
    // Disabled, in the round's order, the right one green.
    expect(buttonsOf(edit).map((b) => [b.label, b.style, b.disabled])).toEqual(
      displayedChoices(posted.question, posted.round).map((d) => [
        d.letter,
        d.choice.key === 'B' ? 3 : 2,
        true,
      ]),
    );
    expect(reply.method).toBe('POST');
    expect((reply.body as { message_reference: unknown }).message_reference).toEqual({
      message_id: posted.messageRef,
      fail_if_not_exists: false,
    });
    expect(embedOf(reply).title).toBe('Explanation');
    expect(textOf(reply)).toContain('A. Reason A');
  });

  it('revealRound: when the question message was deleted, the reveal is posted anew', async () => {
    const { publisher } = setup();
    const channel = aChannel();
    const posted = await publisher.publish(channel);
    if (posted.kind !== 'posted') throw new Error('not posted');
    fake.fail((r) => r.method === 'PATCH' && r.route.startsWith(`/channels/${channel.channelId}/`), {
      status: 404,
      body: { message: 'Unknown Message', code: 10008 },
    });
    expect(await publisher.closeAndReveal(posted.round)).toBe('revealed');
    const posts = requestsTo(channel.channelId).filter((r) => r.method === 'POST');
    expect(posts.map((p) => embedOf(p).title)).toEqual([
      "Today's PMLE question",
      'Answer revealed',
      'Explanation',
    ]);
  });

  it('postText: a plain embed', async () => {
    const { platform } = setup();
    const channel = aChannel();
    await platform.postText(
      channel,
      textView("Last week's leaders (2026-W47)", ['1. Alice: 30 pts'], {
        sections: [{ title: 'Top teams', body: '1. ML Ops: 15.0 avg' }],
      }),
    );
    const [post] = requestsTo(channel.channelId);
    if (!post) throw new Error('nothing posted');
    expect(embedOf(post)).toMatchObject({
      title: "Last week's leaders (2026-W47)",
      description: '1. Alice: 30 pts',
      fields: [{ name: 'Top teams', value: '1. ML Ops: 15.0 avg' }],
    });
    expect(buttonsOf(post)).toEqual([]);
  });
});

describe('DiscordPlatform errors', () => {
  const gone = [
    [10003, 404, 'Unknown Channel'],
    [50001, 403, 'Missing Access'],
    [50013, 403, 'Missing Permissions'],
    [10008, 404, 'Unknown Message'],
  ] as const;
  for (const [code, status, message] of gone) {
    it(`${message} (${code}) is channel-gone`, async () => {
      const { platform } = setup();
      const channel = aChannel();
      fake.fail((r) => r.route.startsWith(`/channels/${channel.channelId}/`), {
        status,
        body: { message, code },
      });
      const error = await platform.postText(channel, textView('hello')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlatformError);
      expect((error as PlatformError).failure).toBe('channel-gone');
    });
  }

  it('HTTP 429 with a long Retry-After is rate-limited, with the wait in ms', async () => {
    const { platform } = setup();
    const channel = aChannel();
    fake.fail(
      (r) => r.route.startsWith(`/channels/${channel.channelId}/`),
      {
        status: 429,
        headers: { 'retry-after': '30', 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: 30, global: false },
      },
      1,
    );
    const error = (await platform
      .postText(channel, textView('hello'))
      .catch((e: unknown) => e)) as PlatformError;
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.failure).toBe('rate-limited');
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(30_000);
    expect(error.retryAfterMs).toBeLessThan(31_000);
  });

  it('anything else is failed', async () => {
    const { platform } = setup();
    const channel = aChannel();
    fake.fail((r) => r.route.startsWith(`/channels/${channel.channelId}/`), {
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035 },
    });
    const error = (await platform
      .postText(channel, textView('hello'))
      .catch((e: unknown) => e)) as PlatformError;
    expect(error.failure).toBe('failed');
    expect(error.message).toContain('Invalid Form Body');
  });

  it('a reveal into a vanished channel is skipped by the publisher, not retried forever', async () => {
    const { publisher } = setup();
    const channel = aChannel();
    const posted = await publisher.publish(channel);
    if (posted.kind !== 'posted') throw new Error('not posted');
    fake.fail((r) => r.route.startsWith(`/channels/${channel.channelId}/`), {
      status: 404,
      body: { message: 'Unknown Channel', code: 10003 },
    });
    expect(await publisher.closeAndReveal(posted.round)).toBe('skipped');
  });
});

it('every successful payload stays within Discord’s limits', () => {
  expect(fake.requests.flatMap(requestProblems)).toEqual([]);
});
