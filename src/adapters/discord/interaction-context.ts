import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  GuildMember,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { CommandContext } from '../../core/commands/quiz-commands.js';
import { type Locale, scopeId } from '../../core/model/model.js';
import type { UserLocales } from '../../core/rounds/user-locales.js';

export type QuizInteraction =
  | ChatInputCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction
  | AutocompleteInteraction
  | ModalSubmitInteraction;

/** The interactions a person makes in a channel and that get a reply. */
type RepliedInteraction =
  | ChatInputCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction
  | ModalSubmitInteraction;

export interface ContextDeps {
  locales: UserLocales;
  /** QUIZ_LOCALE: for people whose Discord language is neither Japanese nor English. */
  defaultLocale: Locale;
  /** QUIZ_ADMIN_USER_IDS: admins in every server, whatever their Discord permissions. */
  adminUserIds: readonly string[];
}

/** The language of a person's Discord client, when the quiz speaks it. */
export function clientLocale(discordLocale: string | undefined): Locale | null {
  if (discordLocale === 'ja') return 'ja';
  if (discordLocale?.startsWith('en')) return 'en';
  return null;
}

/** The language to answer in before the person's own choice is known (or when it cannot be read). */
export function fallbackLocale(interaction: QuizInteraction, deps: ContextDeps): Locale {
  return clientLocale(interaction.locale) ?? deps.defaultLocale;
}

/**
 * Who asked, where, and in which language: their own `/quiz lang` choice, else their Discord client's
 * language, else QUIZ_LOCALE. Null outside a server (DMs), where the quiz has no scope.
 */
export async function contextFor(
  interaction: RepliedInteraction,
  deps: ContextDeps,
  /** False on the answer path: the answer brings the stored language back itself (one store call). */
  readLocale = true,
): Promise<CommandContext | null> {
  if (!interaction.guildId || !interaction.channelId) return null;
  const scope = scopeId('discord', interaction.guildId);
  const userId = interaction.user.id;
  const own = readLocale ? await deps.locales.get(scope, userId) : deps.locales.peek(scope, userId);
  return {
    scope,
    channelId: interaction.channelId,
    userId,
    displayName: displayNameOf(interaction),
    locale: own ?? fallbackLocale(interaction, deps),
    isAdmin: async () => isAdmin(interaction, deps.adminUserIds),
  };
}

/**
 * Server managers (Manage Server, which Administrator implies) and the configured admin ids. The
 * permissions come with the interaction, so the check costs no API call.
 */
export function isAdmin(interaction: RepliedInteraction, adminUserIds: readonly string[]): boolean {
  if (adminUserIds.includes(interaction.user.id)) return true;
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

/** The name boards show, stored at answer time: server nickname, else global display name, else username. */
function displayNameOf(interaction: RepliedInteraction): string {
  const member = interaction.member;
  if (member instanceof GuildMember) return member.displayName;
  return member?.nick ?? interaction.user.globalName ?? interaction.user.username;
}
