import type { Server } from 'node:http';
import { pino } from 'pino';
import type { SlackBot } from '../../src/adapters/slack/register-slack.js';
import { closeListener, slackListenerRoutes, startListener } from '../../src/app/http-listeners.js';

/**
 * Serves a Slack bot's HTTP routes the way the entry point does (the public listener with its limits)
 * on a free loopback port, then connects the bot; `bot.stop()` closes the listener too. Socket Mode: no
 * listener (null).
 */
export async function listenAndConnect(bot: SlackBot): Promise<Server | null> {
  if (bot.httpRoutes.length === 0) {
    await bot.connect();
    return null;
  }
  const server = await startListener({
    routes: slackListenerRoutes(bot.httpRoutes),
    port: 0,
    host: '127.0.0.1',
    log: pino({ level: 'silent' }),
  });
  const stop = bot.stop.bind(bot);
  bot.stop = async () => {
    await closeListener(server);
    await stop();
  };
  await bot.connect();
  return server;
}
