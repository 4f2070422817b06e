import type { Locale, Period } from '../model/model.js';
import { type ExamCommand, parseExamCommand } from './parse-exam-command.js';
import { type LearningCommand, parseLearningCommand } from './parse-learning-command.js';

/** A `/quiz` command decoded from text (Slack, console) or from options (Discord). */
export type QuizCommand =
  | { kind: 'help' }
  | { kind: 'leaderboard'; period: Period; teams: boolean }
  | { kind: 'me' }
  /** Today's question again, with the player's state in it (the console). */
  | { kind: 'today' }
  | { kind: 'next'; domain?: string }
  | { kind: 'team-join'; name: string }
  | { kind: 'team-leave' }
  | { kind: 'team-list' }
  | { kind: 'schedule-show' }
  | { kind: 'schedule-set'; cron: string; timeZone?: string }
  | { kind: 'schedule-off' }
  | { kind: 'schedule-digest'; enabled: boolean }
  /** Trivia and off-blueprint questions in the channel's daily rounds. */
  | { kind: 'schedule-extras'; enabled: boolean }
  /** Exam-domain filter of the channel's daily questions; null: every domain. */
  | { kind: 'schedule-domain'; domain: string | null }
  /** Round length in minutes; null: until the next scheduled question (at most 24 hours). */
  | { kind: 'schedule-length'; minutes: number | null }
  | { kind: 'post'; domain?: string }
  | { kind: 'lang'; locale: Locale }
  /** A private single-use sign-in link to the web dashboard. */
  | { kind: 'dashboard' }
  | LearningCommand
  | ExamCommand
  /**
   * Wrong arguments: show the usage of `command` (`section`: the exam sections, where one is asked for);
   * `unknown` names an unknown subcommand.
   */
  | { kind: 'usage'; command: string; unknown?: string };

/** A round lasts between 5 minutes and 24 hours. */
export const MIN_ROUND_MINUTES = 5;
export const MAX_ROUND_MINUTES = 24 * 60;

const PERIOD_WORDS: Record<string, Period> = {
  week: 'week',
  weekly: 'week',
  month: 'month',
  monthly: 'month',
  all: 'all',
  alltime: 'all',
  'all-time': 'all',
};

export function parseQuizCommand(text: string): QuizCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [sub, ...args] = words;
  switch (sub?.toLowerCase()) {
    case undefined:
    case 'help':
      return { kind: 'help' };
    case 'leaderboard':
    case 'lb':
    case 'rank':
      return parseLeaderboard(args);
    case 'me':
    case 'stats':
      return args.length === 0 ? { kind: 'me' } : { kind: 'usage', command: 'me' };
    case 'today':
      return args.length === 0 ? { kind: 'today' } : { kind: 'usage', command: 'today' };
    case 'next':
    case 'practice':
      return args.length <= 1
        ? { kind: 'next', ...(args[0] ? { domain: args[0] } : {}) }
        : { kind: 'usage', command: 'next' };
    case 'dashboard':
      return args.length === 0 ? { kind: 'dashboard' } : { kind: 'usage', command: 'dashboard' };
    case 'post':
      return args.length <= 1
        ? { kind: 'post', ...(args[0] ? { domain: args[0] } : {}) }
        : { kind: 'usage', command: 'post' };
    case 'team':
      return parseTeam(args);
    case 'exam':
      return parseExamCommand(args);
    case 'schedule':
      return parseSchedule(args);
    case 'lang':
    case 'language': {
      const locale = args[0]?.toLowerCase();
      return args.length === 1 && (locale === 'ja' || locale === 'en')
        ? { kind: 'lang', locale }
        : { kind: 'usage', command: 'lang' };
    }
    default:
      return (
        parseLearningCommand((sub ?? '').toLowerCase(), args) ?? {
          kind: 'usage',
          command: 'quiz',
          unknown: sub,
        }
      );
  }
}

function parseLeaderboard(args: string[]): QuizCommand {
  let period: Period = 'week';
  let teams = false;
  for (const arg of args.map((a) => a.toLowerCase())) {
    const p = PERIOD_WORDS[arg];
    if (p) period = p;
    else if (arg === 'teams' || arg === 'team') teams = true;
    else return { kind: 'usage', command: 'leaderboard' };
  }
  return { kind: 'leaderboard', period, teams };
}

function parseTeam(args: string[]): QuizCommand {
  const [action, ...rest] = args;
  switch (action?.toLowerCase()) {
    case 'join': {
      const name = rest.join(' ').trim();
      return name ? { kind: 'team-join', name } : { kind: 'usage', command: 'team' };
    }
    case 'leave':
      return rest.length === 0 ? { kind: 'team-leave' } : { kind: 'usage', command: 'team' };
    case 'list':
      return rest.length === 0 ? { kind: 'team-list' } : { kind: 'usage', command: 'team' };
    default:
      return { kind: 'usage', command: 'team' };
  }
}

function parseSchedule(args: string[]): QuizCommand {
  if (args.length === 0) return { kind: 'schedule-show' };
  const first = args[0]?.toLowerCase();
  if (first === 'off' && args.length === 1) return { kind: 'schedule-off' };
  if ((first === 'digest' || first === 'extras') && args.length === 2) {
    const value = args[1]?.toLowerCase();
    if (value !== 'on' && value !== 'off') return { kind: 'usage', command: 'schedule' };
    return { kind: first === 'digest' ? 'schedule-digest' : 'schedule-extras', enabled: value === 'on' };
  }
  // Asked for a section without naming one: the reply lists them.
  if (first === 'domain' && args.length === 1) return { kind: 'usage', command: 'section' };
  if (first === 'domain' && args.length === 2) {
    const domain = args[1] ?? '';
    return { kind: 'schedule-domain', domain: domain.toLowerCase() === 'all' ? null : domain };
  }
  if (first === 'length' && args.length === 2) {
    const value = (args[1] ?? '').toLowerCase();
    if (value === 'auto') return { kind: 'schedule-length', minutes: null };
    const minutes = Number(value);
    if (Number.isInteger(minutes) && minutes >= MIN_ROUND_MINUTES && minutes <= MAX_ROUND_MINUTES) {
      return { kind: 'schedule-length', minutes };
    }
    return { kind: 'usage', command: 'schedule' };
  }
  // Five cron fields, then an optional IANA time zone.
  if (args.length === 5 || args.length === 6) {
    const cron = args.slice(0, 5).join(' ');
    const timeZone = args[5];
    return timeZone ? { kind: 'schedule-set', cron, timeZone } : { kind: 'schedule-set', cron };
  }
  return { kind: 'usage', command: 'schedule' };
}
