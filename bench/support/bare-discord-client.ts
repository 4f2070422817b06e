import { Client, Events, GatewayIntentBits, MessageFlags, Options } from 'discord.js';
import type { FakeDiscord } from '../../test/support/fake-discord.js';

/**
 * The baseline of the Discord bench: a discord.js Client with the same options as ours
 * (src/adapters/discord/discord-bot.ts) whose button handler does the least any bot must do: one private
 * reply in the interaction callback, the way ours answers a click. No store, no rendering.
 */
export interface BareDiscordClient {
  close(): Promise<void>;
}

export async function startBareDiscordClient(fake: FakeDiscord): Promise<BareDiscordClient> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { api: fake.apiUrl, retries: 0 },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
    }),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isButton()) return;
    void interaction
      .reply({ content: 'Thanks, your answer is in.', flags: MessageFlags.Ephemeral })
      .catch(() => {});
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('bench-bare-token');
  await ready;
  return {
    async close() {
      await client.destroy();
    },
  };
}
