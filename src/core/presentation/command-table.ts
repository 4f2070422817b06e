import type { Platform } from '../model/model.js';

/**
 * THE command table: every command a user can type, where it is offered and who may run it. The help of
 * each platform is generated from it (`help-view.ts`), a test checks the README's commands table against it,
 * and a command a platform does not offer is refused there. What a command's arguments are called and what it
 * does are words, so they live in the messages (`Messages.commands`, keyed by `id`).
 */
export interface CommandEntry {
  id: CommandId;
  /** As typed on Slack and in the console, without its arguments. */
  command: string;
  /** As typed on Discord, where it differs (admin actions live under `/quiz-admin`). */
  discord?: string;
  platforms: readonly Platform[];
  /** On Slack and Discord only workspace or server admins (or QUIZ_ADMIN_USER_IDS) may run it. */
  admin?: true;
}

export const COMMAND_IDS = [
  'gcp',
  'practice',
  'today',
  'leaderboard',
  'me',
  'next',
  'review',
  'guessed',
  'ready',
  'exam',
  'exam-date',
  'report',
  'team',
  'lang',
  'dashboard',
  'schedule',
  'help',
  'post',
  'post-admin',
  'schedule-admin',
  'schedule-admin-discord',
  'reports',
  'restore',
  'question',
  'exam-schedule',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

const EVERYWHERE: readonly Platform[] = ['slack', 'discord', 'console'];
/** Where `/quiz` takes typed words (Discord's slash commands have fixed subcommands and options). */
const TYPED: readonly Platform[] = ['slack', 'console'];

export const COMMAND_TABLE: readonly CommandEntry[] = [
  { id: 'gcp', command: '/gcp', platforms: EVERYWHERE },
  // Elsewhere the /gcp card's "practise a question" button.
  { id: 'practice', command: '/practice', platforms: ['console'] },
  // The chat platforms keep today's question in the channel; the terminal scrolls it away.
  { id: 'today', command: '/quiz today', platforms: ['console'] },
  { id: 'leaderboard', command: '/quiz leaderboard', platforms: EVERYWHERE },
  { id: 'me', command: '/quiz me', platforms: EVERYWHERE },
  { id: 'next', command: '/quiz next', platforms: EVERYWHERE },
  { id: 'review', command: '/quiz review', platforms: EVERYWHERE },
  // Discord has the feedback's "I guessed" button only.
  { id: 'guessed', command: '/quiz guessed', platforms: TYPED },
  { id: 'ready', command: '/quiz ready', platforms: EVERYWHERE },
  // Discord: `/quiz exam start form:` and the group's other subcommands; letters are the message's buttons.
  { id: 'exam', command: '/quiz exam', discord: '/quiz exam start', platforms: EVERYWHERE },
  { id: 'exam-date', command: '/quiz exam-date', platforms: EVERYWHERE },
  { id: 'report', command: '/quiz report', platforms: EVERYWHERE },
  { id: 'team', command: '/quiz team', platforms: EVERYWHERE },
  { id: 'lang', command: '/quiz lang', platforms: EVERYWHERE },
  { id: 'dashboard', command: '/quiz dashboard', platforms: EVERYWHERE },
  { id: 'schedule', command: '/quiz schedule', platforms: EVERYWHERE },
  { id: 'help', command: '/quiz help', platforms: EVERYWHERE },
  // The person at the terminal owns the bot: the next scored question is theirs to bring.
  { id: 'post', command: '/quiz post', platforms: ['console'] },
  {
    id: 'post-admin',
    command: '/quiz post',
    discord: '/quiz-admin post',
    platforms: ['slack', 'discord'],
    admin: true,
  },
  // The console runs no scheduler, so a schedule set there would never post.
  { id: 'schedule-admin', command: '/quiz schedule', platforms: ['slack'], admin: true },
  {
    id: 'schedule-admin-discord',
    command: '/quiz-admin schedule',
    platforms: ['discord'],
    admin: true,
  },
  {
    id: 'reports',
    command: '/quiz reports',
    discord: '/quiz-admin reports',
    platforms: EVERYWHERE,
    admin: true,
  },
  {
    id: 'restore',
    command: '/quiz restore',
    discord: '/quiz-admin restore',
    platforms: EVERYWHERE,
    admin: true,
  },
  {
    id: 'question',
    command: '/quiz question',
    discord: '/quiz-admin question',
    platforms: EVERYWHERE,
    admin: true,
  },
  // The console runs no scheduler, so a mock day set there would never be posted.
  {
    id: 'exam-schedule',
    command: '/quiz exam schedule',
    discord: '/quiz-admin exam-schedule',
    platforms: ['slack', 'discord'],
    admin: true,
  },
];

/** The commands a platform offers, in the table's order. */
export function commandsOn(platform: Platform): CommandEntry[] {
  return COMMAND_TABLE.filter((c) => c.platforms.includes(platform));
}

/** Whether a platform offers the command `id`. */
export function isOffered(id: CommandId, platform: Platform): boolean {
  return COMMAND_TABLE.some((c) => c.id === id && c.platforms.includes(platform));
}

/** The command as a person on `platform` types it. */
export function typedAs(entry: CommandEntry, platform: Platform): string {
  return platform === 'discord' ? (entry.discord ?? entry.command) : entry.command;
}
