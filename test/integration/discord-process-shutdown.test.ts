import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/bot-process.js';
import { slash } from '../support/discord-interactions.js';
import { APP_ID, FakeDiscord } from '../support/fake-discord.js';
import { type SpawnedMain, spawnMain, statusOf } from '../support/spawned-main.js';

const running: SpawnedMain[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill('SIGKILL')));
});

/**
 * SIGTERM to a Discord-only bot (the real entry point, memory store, fake Discord) while an interaction
 * it accepted is still being answered (issue 21, point 10): the ops server says "not ready" for the whole
 * drain, and the process ends only after that reply went out.
 */
describe('a Discord bot stopping with an interaction in flight', { timeout: 60_000 }, () => {
  it('answers /readyz 503 while draining and waits for the accepted interaction before exiting', async () => {
    const fake = await FakeDiscord.start();
    try {
      const port = await freePort();
      const metricsPort = await freePort();
      const bot = spawnMain({
        METRICS_PORT: String(metricsPort),
        QUIZ_STORE: 'memory',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: String(port),
        QUIZ_LOCALE: 'en',
        DISCORD_TOKEN: 'fake-token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: fake.apiUrl,
      });
      running.push(bot);
      const readyz = `http://127.0.0.1:${port}/readyz`;
      await expect.poll(() => statusOf(readyz), { timeout: 20_000 }).toBe(200);

      // Discord is slow to take the reply: the bot's handling of the command is still in flight.
      const held = fake.hold((r) => r.route.endsWith('/callback'));
      const command = slash('quiz', ['me']);
      fake.dispatchInteraction(command);
      await expect
        .poll(() => fake.requests.some((r) => r.route.includes(`/${command.token}/callback`)), {
          timeout: 5000,
        })
        .toBe(true);
      bot.child.kill('SIGTERM');

      await expect.poll(() => statusOf(readyz), { timeout: 5000 }).toBe(503);
      expect(await (await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).json()).toEqual({
        status: 'not ready',
        problems: ['shutting down'],
      });
      // Still draining half a second later: shutdown waits for the interaction it accepted.
      expect(await bot.exitWithin(500)).toBe('running');
      expect(bot.output()).not.toContain('"msg":"stopped"');
      expect(await statusOf(readyz)).toBe(503);

      held.release();
      expect(await bot.exitWithin(15_000)).toBe(0);
      expect(bot.output()).toMatch(/"clean":true[^\n]*"msg":"stopped"/);
    } finally {
      await fake.close();
    }
  });
});
