import type { Difficulty, Locale, Period } from '../../model/model.js';
import type { ServiceStatus } from '../../ports/service-catalog.js';
import type { CommandId } from '../command-table.js';
import type { DashboardMessages } from './dashboard-messages.js';
import type { ExamMessages } from './exam-messages.js';
import type { LearningMessages } from './learning-messages.js';

/**
 * Every user-facing string, per locale. Plain text: adapters add their platform's emphasis around it,
 * so the same sentence serves Slack, Discord and the terminal.
 */
export interface Messages {
  locale: Locale;
  difficulty: Record<Difficulty, string>;
  period: Record<Period, string>;

  questionTitle: string;
  practiceTitle: string;
  questionContext(domain: string, difficulty: string, closesAt: string): string;
  answersSoFar(count: number): string;
  closesAtFormat: Intl.DateTimeFormatOptions;

  correct(points: number, streak: number): string;
  correctPractice: string;
  incorrect: string;
  rightAnswer(key: string, label: string): string;
  yourAnswer(key: string, label: string): string;
  whyRight: string;
  whyYoursWrong: string;
  totals(week: number, all: number): string;
  duplicate(key: string, label: string): string;
  closed: string;
  unknownRound: string;
  unavailable: string;
  notRecorded: string;
  /** A failure that is neither the store nor the user's input (a bug, a platform error): private. */
  somethingWentWrong: string;

  revealTitle: string;
  revealAnswer(key: string, label: string): string;
  answeredCount(count: number): string;
  voteLine(key: string, label: string, count: number, percent: number): string;
  explanationTitle: string;

  leaderboardTitle(period: Period, periodKey: string): string;
  teamLeaderboardTitle(period: Period, periodKey: string): string;
  boardEmpty: string;
  boardRow(rank: number, name: string, points: number): string;
  boardViewer(rank: number, points: number): string;
  boardViewerNone: string;
  teamRow(rank: number, name: string, average: number, total: number, members: number): string;

  /** Null when the player has no display name: then the title does not name them. */
  statsTitle(name: string | null): string;
  statsPoints(period: Period, points: number, rank: number | null): string;
  statsStreak(streak: number, best: number): string;
  statsAccuracy(correct: number, answered: number): string;
  statsDomainTitle: string;
  statsDomain(domain: string, correct: number, answered: number): string;
  statsTeam(name: string | null): string;

  teamJoined(name: string, created: boolean, left: string | null): string;
  teamAlreadyMember(name: string): string;
  teamLeft(name: string): string;
  teamNotInTeam: string;
  teamListTitle: string;
  teamListEmpty: string;
  teamListRow(name: string, members: number): string;
  teamNameEmpty: string;
  teamNameTooLong(max: number): string;

  gcpUsage: string;
  gcpFormerNames(names: string[]): string;
  gcpStatus(status: ServiceStatus, date: string | undefined, successor: string | undefined): string;
  gcpWhatFor: string;
  gcpChooseWhen: string;
  gcpDocs: string;
  gcpPractice: string;
  gcpNoPractice: string;
  gcpNoMatch(query: string): string;
  gcpAmbiguous(query: string): string;

  consoleAnswerHint(count: number): string;
  consoleUnknownInput: string;
  consoleNoQuestion: string;
  consoleWelcome: string;
  /** `/quiz today` (console): today's question again, with where the player stands. */
  todayOpen: string;
  todayAnswered(correct: boolean, rightAnswer: string): string;
  todayClosed(rightAnswer: string): string;
  todayNone: string;
  /** After a practice or review answer, while today's question waits for the player. */
  todayStillOpen: string;
  /** The help (`help-view.ts` builds it from the command table): title, how to answer, commands, scoring. */
  helpTitle: string;
  helpAnswerButtons: string;
  helpAnswerTyped: string;
  helpAdminsTitle: string;
  helpScoring: string;
  helpQuit: string;
  /** Per command of the command table: its arguments as written after it, and what it does. */
  commands: Record<CommandId, { args: string; text: string }>;
  usage(command: string): string;
  unknownSubcommand(name: string): string;
  /** A section asked for that the exam guide does not have: the sections there are, id and number. */
  unknownSection(section: string, sections: readonly { id: string; section: number }[]): string;
  /** `/quiz schedule domain` without a section: the sections there are. */
  chooseSection(sections: readonly { id: string; section: number }[]): string;
  /** The name of the console player when neither USER, USERNAME nor the OS names them. */
  consolePlayer: string;
  adminOnly: string;
  langSet(locale: Locale): string;
  posted: string;
  noQuestions: string;
  /** A command used outside a server (Discord DMs): boards and teams are per server. */
  guildOnly: string;

  scheduleTitle: string;
  scheduleSettings(
    cron: string,
    timeZone: string,
    domain: string | null,
    digest: boolean,
    roundMinutes: number | null,
  ): string[];
  unknownDomain(domain: string, known: string[]): string;
  schedulePaused(reason: string): string;
  scheduleNextTitle(timeZone: string): string;
  scheduleNone(defaultCron: string, defaultTimeZone: string): string;
  scheduleSaved: string;
  /** The first question under a schedule just set: slots before this moment are never posted. */
  scheduleFirstPost(when: string): string;
  scheduleOff: string;
  scheduleNotSubscribed: string;
  invalidCron(cron: string, error: string): string;
  invalidTimeZone(timeZone: string): string;
  digestSet(enabled: boolean): string;
  /** The schedule's extras line: trivia and off-blueprint questions in daily rounds or not. */
  scheduleExtras(enabled: boolean): string;
  digestTitle(weekKey: string): string;
  digestPlayers: string;
  digestTeams: string;
  digestEmpty: string;

  /** Multiple select ("choose two") and the round's own choice order. */
  answerButton: string;
  pickTitle(count: number): string;
  pickLabel(count: number): string;
  pickSubmit: string;
  pickCancel: string;
  pickExactly(count: number, picked: number): string;
  rightAnswerSet(letters: string[]): string;
  yourAnswerSet(letters: string[]): string;
  optionVerdict(letter: string, verdict: 'picked-right' | 'picked-wrong' | 'missed'): string;
  wholeSetRight(count: number, percent: number): string;
  revealAnswerSet(letters: string[]): string;
  consolePickHint(picks: number): string;
  /** A board row of a player who has no display name. */
  noName: string;

  /** Slack multi-workspace install pages (plain text; the adapter escapes and wraps them in HTML). */
  installedTitle: string;
  installedBody(workspace: string): string[];
  installRefusedTitle: string;
  installStateRefused: string;
  /** The redirect came without this browser's state cookie: another browser, a private window, too late. */
  installNotThisBrowser: string;
  /** Slack refused the code of the redirect (used already, expired, or never issued). */
  installCodeRefused: string;
  installCancelled: string;
  installOrgWideRefused: string;
  installFailed: string;
  /** The redirect came back without Slack's code (and without an error saying why). */
  installMissingCode: string;
  /** One address started or finished too many installs in a minute. */
  installTooMany: string;
  installRetryLink: string;
  /** Shown for a subscription paused because the bot is no longer in the channel. */
  schedulePausedNotInChannel(reason: string): string;

  /** Review, readiness, reports and item statistics. */
  learning: LearningMessages;
  dashboard: DashboardMessages;
  exam: ExamMessages;
}
