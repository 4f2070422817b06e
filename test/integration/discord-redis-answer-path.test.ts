import { afterAll, describe, expect, it } from 'vitest';
import { InMemoryQuestionBank } from '../../src/adapters/questions/in-memory-question-bank.js';
import { openStores } from '../../src/app/stores.js';
import { scopeId } from '../../src/core/model/model.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { rightKey } from '../support/builders.js';
import { embedOf, realContent, startDiscordHarness } from '../support/discord-harness.js';
import { ALICE, BOB, CHANNEL_ID, click, GUILD_ID } from '../support/discord-interactions.js';
import { redisCommandRecorder } from '../support/redis-command-recorder.js';
import { deleteByPrefix, startRedisTarget, uniquePrefix } from '../support/redis-server.js';

const target = await startRedisTarget();
const CHANNEL = { scope: scopeId('discord', GUILD_ID), channelId: CHANNEL_ID };

/**
 * The Discord answer path on redis-server, counted the way the Slack one is (slack-distribution-install):
 * a click costs one Redis round trip, the answer script, also for someone this process has never seen.
 */
// Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it (the run fails otherwise).
describe.skipIf(!target)('a Discord answer click on Redis (real discord.js, fake Discord)', () => {
  afterAll(async () => {
    await target?.close();
  });

  it('costs one Redis call: the language comes from the answer, the cache or the interaction, never a read first', async () => {
    if (!target) return;
    const prefix = uniquePrefix();
    const stores = await openStores({ kind: 'redis', url: target.url, keyPrefix: prefix }, silentLogger);
    const { bank } = realContent();
    const singleAnswer = new InMemoryQuestionBank(
      bank.all().filter((q) => q.answer.length === 1),
      bank.domains(),
    );
    const h = await startDiscordHarness({ locale: 'ja', store: stores.quiz, bank: singleAnswer });
    const commandsOf = redisCommandRecorder([stores.redis?.interactive, stores.redis?.background]);
    try {
      h.clock.set(Date.now()); // rounds on Redis expire relative to their own times
      const posted = await h.app.publisher.publish(CHANNEL);
      if (posted.kind !== 'posted') throw new Error('nothing posted');
      const { round, question, messageRef } = posted;
      const right = `ans:${round.id}:${rightKey(question)}`;
      await h.interact(click(right, messageRef, ALICE)); // the script is loaded once (EVALSHA, NOSCRIPT, EVAL)

      // Bob chose English with /quiz lang (on another replica: not in this process's cache); his Discord
      // client is Japanese. His first click must not read his language before answering.
      await stores.quiz.setUserLocale(CHANNEL.scope, BOB.id, 'en');
      let reply: Awaited<ReturnType<typeof h.interact>> | undefined;
      const sent = await commandsOf(async () => {
        reply = await h.interact(click(right, messageRef, BOB));
      });
      // (The answer-count refresher may read the round later; that is per edit, not per click.)
      expect(sent.filter((c) => !c.includes(':round:')).map((c) => c.split(' ')[0])).toEqual(['evalsha']);
      // His stored language came back with the answer itself.
      expect(reply && embedOf(reply.final).title).toBe('Correct! +10 points');
    } finally {
      await h.close();
      if (stores.redis) await deleteByPrefix(stores.redis.background, prefix).catch(() => {});
      await stores.redis?.quit();
    }
  });
});
