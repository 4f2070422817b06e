import path from 'node:path';
import { registerCommands } from '../adapters/discord/commands/register-commands.js';
import { ContentError } from '../adapters/questions/load-content.js';
import { loadQuizContent } from '../adapters/questions/quiz-content.js';
import { loadConfig } from '../app/config.js';

/**
 * `npm run discord:register`: registers the slash commands (/gcp, /quiz, /quiz-admin). Globally, or for
 * the one server in DISCORD_GUILD_ID (instant; for development). Needs DISCORD_TOKEN and
 * DISCORD_APPLICATION_ID; the exam sections offered as choices come from the question bank.
 */
async function main(): Promise<number> {
  // Registering touches no store: default QUIZ_STORE to memory so a missing REDIS_URL is not an error here.
  const loaded = loadConfig({ QUIZ_STORE: 'memory', ...process.env });
  if (!loaded.ok) {
    console.error(`Configuration problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  const discord = loaded.config.discord;
  if (!discord?.applicationId) {
    console.error(
      'Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (the bot token and the numeric application id).',
    );
    return 1;
  }
  let bank: ReturnType<typeof loadQuizContent>['bank'];
  try {
    bank = loadQuizContent(path.resolve(loaded.config.quiz.questionsDir)).bank;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(error.message);
    return 1;
  }
  const result = await registerCommands({
    token: discord.token,
    applicationId: discord.applicationId,
    ...(discord.guildId ? { guildId: discord.guildId } : {}),
    ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
    domains: bank.domains(),
  });
  const where = result.scope === 'guild' ? `server ${discord.guildId}` : 'all servers (global)';
  console.log(`Registered ${result.names.map((n) => `/${n}`).join(', ')} for ${where}.`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`discord:register failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
