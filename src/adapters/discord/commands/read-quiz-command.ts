import type { ChatInputCommandInteraction } from 'discord.js';
import type { QuizCommand } from '../../../core/commands/parse-quiz-command.js';
import { MAX_ROUND_MINUTES, MIN_ROUND_MINUTES } from '../../../core/commands/parse-quiz-command.js';
import { PERIODS, type Period } from '../../../core/model/model.js';
import { isLocale } from '../../../core/presentation/messages/index.js';
import { ALL_DOMAINS, NAMES } from './command-definitions.js';
import { readExamCommand } from './exam-command-definitions.js';
import { readLearningCommand } from './learning-command-definitions.js';

/** What the reader needs from a slash command: its path and its typed options. */
export interface SlashInput {
  commandName: string;
  group: string | null;
  subcommand: string | null;
  string(name: string): string | null;
  boolean(name: string): boolean | null;
  integer(name: string): number | null;
}

export function slashInputOf(interaction: ChatInputCommandInteraction): SlashInput {
  return {
    commandName: interaction.commandName,
    group: interaction.options.getSubcommandGroup(false),
    subcommand: interaction.options.getSubcommand(false),
    string: (name) => interaction.options.getString(name),
    boolean: (name) => interaction.options.getBoolean(name),
    integer: (name) => interaction.options.getInteger(name),
  };
}

/**
 * `/quiz ...` and `/quiz-admin ...` as the same QuizCommand the text parser makes. Discord checks choices
 * in its client, but a payload can be forged or predate a change, so every value is checked again.
 */
export function readQuizCommand(input: SlashInput): QuizCommand {
  const path = [input.commandName, input.group, input.subcommand].filter(Boolean).join(' ');
  const domain = input.string(NAMES.domain) ?? undefined;
  switch (path) {
    case 'quiz help':
      return { kind: 'help' };
    case 'quiz leaderboard': {
      const period = input.string(NAMES.period) ?? 'week';
      if (!isPeriod(period)) return { kind: 'usage', command: 'leaderboard' };
      return { kind: 'leaderboard', period, teams: input.boolean(NAMES.teams) ?? false };
    }
    case 'quiz me':
      return { kind: 'me' };
    case 'quiz dashboard':
      return { kind: 'dashboard' };
    case 'quiz next':
      return domain ? { kind: 'next', domain } : { kind: 'next' };
    case 'quiz team join':
      return { kind: 'team-join', name: input.string(NAMES.name) ?? '' };
    case 'quiz team leave':
      return { kind: 'team-leave' };
    case 'quiz team list':
      return { kind: 'team-list' };
    case 'quiz schedule':
      return { kind: 'schedule-show' };
    case 'quiz lang': {
      const locale = input.string(NAMES.locale) ?? '';
      return isLocale(locale) ? { kind: 'lang', locale } : { kind: 'usage', command: 'lang' };
    }
    case 'quiz-admin post':
      return domain ? { kind: 'post', domain } : { kind: 'post' };
    case 'quiz-admin schedule set': {
      const cron = input.string(NAMES.cron)?.trim() ?? '';
      const timeZone = input.string(NAMES.timeZone)?.trim();
      return timeZone ? { kind: 'schedule-set', cron, timeZone } : { kind: 'schedule-set', cron };
    }
    case 'quiz-admin schedule off':
      return { kind: 'schedule-off' };
    case 'quiz-admin schedule domain': {
      const value = input.string(NAMES.domain) ?? '';
      if (!value) return { kind: 'usage', command: 'schedule' };
      return { kind: 'schedule-domain', domain: value === ALL_DOMAINS ? null : value };
    }
    case 'quiz-admin schedule length': {
      const minutes = input.integer(NAMES.minutes);
      if (minutes === null) return { kind: 'schedule-length', minutes: null };
      if (!Number.isInteger(minutes) || minutes < MIN_ROUND_MINUTES || minutes > MAX_ROUND_MINUTES) {
        return { kind: 'usage', command: 'schedule' };
      }
      return { kind: 'schedule-length', minutes };
    }
    case 'quiz-admin schedule digest':
    case 'quiz-admin schedule extras': {
      const state = input.string(NAMES.state);
      if (state !== 'on' && state !== 'off') return { kind: 'usage', command: 'schedule' };
      const kind = input.subcommand === 'extras' ? 'schedule-extras' : 'schedule-digest';
      return { kind, enabled: state === 'on' };
    }
    default:
      return (
        readExamCommand(path, input) ??
        readLearningCommand(path, input) ?? {
          kind: 'usage',
          command: 'quiz',
          unknown: input.subcommand ?? input.commandName,
        }
      );
  }
}

function isPeriod(value: string): value is Period {
  return (PERIODS as readonly string[]).includes(value);
}
