import { REST, type RESTPutAPIApplicationCommandsResult, Routes } from 'discord.js';
import type { ExamDomain } from '../../../core/model/model.js';
import { buildCommandDefinitions } from './command-definitions.js';

export interface RegisterCommandsInput {
  token: string;
  applicationId: string;
  /** Set: the commands of this one server (they appear at once; for development). Unset: global. */
  guildId?: string;
  /** REST base override (`DISCORD_API_URL`), e.g. a local fake in tests. */
  apiUrl?: string;
  domains: readonly ExamDomain[];
}

export interface RegisterCommandsResult {
  scope: 'global' | 'guild';
  names: string[];
}

/**
 * Replaces the application's slash commands with ours in one bulk-overwrite PUT. Run at deploy time,
 * never on every boot: Discord allows 200 command creations per day per server.
 */
export async function registerCommands(input: RegisterCommandsInput): Promise<RegisterCommandsResult> {
  const rest = new REST({ ...(input.apiUrl ? { api: input.apiUrl } : {}), retries: 1 }).setToken(input.token);
  const route = input.guildId
    ? Routes.applicationGuildCommands(input.applicationId, input.guildId)
    : Routes.applicationCommands(input.applicationId);
  const registered = (await rest.put(route, {
    body: buildCommandDefinitions(input.domains),
  })) as RESTPutAPIApplicationCommandsResult;
  return { scope: input.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
}
