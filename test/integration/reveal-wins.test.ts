import { webApi } from '@slack/bolt';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPlatform } from '../../src/adapters/discord/discord-platform.js';
import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import { SlackPlatform } from '../../src/adapters/slack/slack-platform.js';
import { newRoundId } from '../../src/app/app.js';
import { seededRandom } from '../../src/core/model/random.js';
import type { ChatPlatform } from '../../src/core/ports/chat-platform.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { en } from '../../src/core/presentation/messages/en.js';
import { QuizEngine } from '../../src/core/rounds/quiz-engine.js';
import { RoundPublisher } from '../../src/core/rounds/round-publisher.js';
import { aBank, aCatalog, someQuestions } from '../support/builders.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeSlack } from '../support/fake-slack.js';

/**
 * Two replicas (two SlackPlatforms, each with its own Web API client) on one store and one Slack.
 * Replica B handles clicks and sends a count edit that is slow to arrive; replica A reveals meanwhile.
 * Slack applies edits in arrival order and takes no precondition, so the message must still end as the
 * reveal.
 */
const channel = { scope: 'slack:T1', channelId: 'C1' };
let fake: FakeSlack;
beforeAll(async () => {
  fake = await new FakeSlack().start();
});
afterAll(async () => {
  await fake.stop();
});

function replica(engine: QuizEngine, token: string, slowUpdatesMs = 0): SlackPlatform {
  const client = new webApi.WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  if (slowUpdatesMs > 0) {
    const update = client.chat.update.bind(client.chat);
    client.chat.update = async (args) => {
      await new Promise((r) => setTimeout(r, slowUpdatesMs));
      return update(args);
    };
  }
  return new SlackPlatform({
    client,
    bank: engine.bank,
    timeZone: 'Asia/Tokyo',
    locale: 'en',
    log: silentLogger,
    refreshIntervalMs: 20,
    loadRound: (ref) => engine.roundWithQuestion(ref),
  });
}

/** What the question message shows after the last edit that reached Slack. */
function finalState(ts: string): 'reveal' | 'question' | 'none' {
  const last = fake.callsOf('chat.update').findLast((c) => c.body.ts === ts);
  if (!last) return 'none';
  return JSON.stringify(last.body.blocks).includes(en.revealTitle) ? 'reveal' : 'question';
}

describe('a reveal racing a count edit from another replica', { timeout: 20_000 }, () => {
  it('ends as the reveal although the count edit lands after it', async () => {
    const store = new MemoryQuizStore();
    const engine = new QuizEngine({
      store,
      bank: aBank(someQuestions(3)),
      catalog: aCatalog(),
      clock: { now: () => Date.now() },
      random: seededRandom(7),
      newId: newRoundId,
      timeZone: 'Asia/Tokyo',
    });
    const a = replica(engine, 'xoxb-A');
    const b = replica(engine, 'xoxb-B', 400);
    const publisherA = new RoundPublisher(engine, (): ChatPlatform => a, silentLogger);
    const posted = await publisherA.publish(channel);
    if (posted.kind !== 'posted') throw new Error('nothing posted');

    // B recorded an answer: its throttled count edit reads the round (open) and is then slow to land.
    await b.refreshAnswerCount(channel, posted.round.id, 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(await publisherA.closeAndReveal(posted.round)).toBe('revealed');
    const countEditFromB = () =>
      fake.callsOf('chat.update').filter((c) => c.authorization === 'Bearer xoxb-B').length;
    await expect.poll(countEditFromB, { timeout: 3000 }).toBe(1);
    // B's stale edit arrived after the reveal...
    const updates = fake.callsOf('chat.update').filter((c) => c.body.ts === posted.messageRef);
    expect(updates.findIndex((c) => c.authorization === 'Bearer xoxb-B')).toBeGreaterThan(
      updates.findIndex((c) => c.authorization === 'Bearer xoxb-A'),
    );
    // ...and still the message ends as the reveal.
    await expect.poll(() => finalState(posted.messageRef), { timeout: 6000, interval: 100 }).toBe('reveal');

    // Any later click on B no longer edits the revealed message.
    await b.refreshAnswerCount(channel, posted.round.id, 2);
    await b.flush();
    await a.flush();
    expect(countEditFromB()).toBe(1);
    expect(finalState(posted.messageRef)).toBe('reveal');
  });
});

describe('the same race on Discord', { timeout: 20_000 }, () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await FakeDiscord.start();
  });
  afterAll(async () => {
    await discord.close();
  });

  function discordReplica(engine: QuizEngine, token: string, slowEditsMs = 0): DiscordPlatform {
    const rest = new REST({ api: discord.apiUrl, retries: 0 }).setToken(token);
    if (slowEditsMs > 0) {
      const patch = rest.patch.bind(rest);
      rest.patch = async (...args: Parameters<REST['patch']>) => {
        await new Promise((r) => setTimeout(r, slowEditsMs));
        return patch(...args);
      };
    }
    return new DiscordPlatform({
      rest,
      bank: engine.bank,
      timeZone: 'Asia/Tokyo',
      locale: 'en',
      log: silentLogger,
      refreshIntervalMs: 20,
      loadRound: (ref) => engine.roundWithQuestion(ref),
    });
  }

  it('ends as the reveal although the count edit lands after it', async () => {
    const engine = new QuizEngine({
      store: new MemoryQuizStore(),
      bank: aBank(someQuestions(3)),
      catalog: aCatalog(),
      clock: { now: () => Date.now() },
      random: seededRandom(7),
      newId: newRoundId,
      timeZone: 'Asia/Tokyo',
    });
    const dChannel = { scope: 'discord:200000000000000001', channelId: '300000000000000001' };
    const a = discordReplica(engine, 'token-A');
    const b = discordReplica(engine, 'token-B', 400);
    const publisherA = new RoundPublisher(engine, (): ChatPlatform => a, silentLogger);
    const posted = await publisherA.publish(dChannel);
    if (posted.kind !== 'posted') throw new Error('nothing posted');
    const edits = () =>
      discord.requests.filter(
        (r) => r.method === 'PATCH' && r.route.endsWith(`/messages/${posted.messageRef}`),
      );
    const shows = () =>
      JSON.stringify(edits().at(-1)?.body ?? {}).includes(en.revealTitle) ? 'reveal' : 'question';

    await b.refreshAnswerCount(dChannel, posted.round.id, 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(await publisherA.closeAndReveal(posted.round)).toBe('revealed');
    await expect
      .poll(() => edits().filter((r) => r.auth === 'Bot token-B').length, { timeout: 3000 })
      .toBe(1);
    const order = edits().map((r) => r.auth);
    expect(order.lastIndexOf('Bot token-B')).toBeGreaterThan(order.indexOf('Bot token-A'));
    await expect.poll(shows, { timeout: 6000, interval: 100 }).toBe('reveal');
  });
});
