import { createDiscordBot } from '../../src/adapters/discord/discord-bot.js';
import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from '../../src/adapters/memory/memory-subscription-store.js';
import { buildApp } from '../../src/app/app.js';
import { loadConfig } from '../../src/app/config.js';
import { systemClock } from '../../src/core/ports/clock.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { realContent } from './discord-harness.js';

/**
 * A shard process for the sharding test: what the entry point does in a shard (config from the
 * environment the ShardingManager passes on, the app, the Discord bot), on the memory store.
 */
const loaded = loadConfig(process.env);
if (!loaded.ok) throw new Error(`shard child: bad config: ${loaded.problems.join('; ')}`);
const { config } = loaded;
if (!config.discord) throw new Error('shard child: DISCORD_TOKEN is not set');
const settings = config.discord;
const content = realContent();
const app = buildApp({
  bank: content.bank,
  catalog: content.catalog,
  store: new MemoryQuizStore(),
  subscriptions: new MemorySubscriptionStore(),
  clock: systemClock,
  log: silentLogger,
  quiz: config.quiz,
  channelLocale: config.quiz.locale,
});
const bot = createDiscordBot({
  settings,
  commands: app.commands,
  defaultLocale: config.quiz.locale,
  adminUserIds: config.quiz.adminUserIds,
  log: silentLogger,
});
app.platforms.set('discord', bot.platform);
await bot.start();
