import { periodSpan } from '../../model/periods.js';
import { dashboardEn } from './dashboard-en.js';
import { examEn } from './exam-en.js';
import { learningEn } from './learning-en.js';
import type { Messages } from './messages.js';

const USAGE: Record<string, string> = {
  leaderboard: 'Usage: /quiz leaderboard [week|month|all] [teams]  (default: this week, players)',
  team: 'Usage: /quiz team join <name> | team leave | team list  (a name is 1-32 characters)',
  lang: 'Usage: /quiz lang ja|en',
  schedule:
    'Usage: /quiz schedule  (show) | /quiz schedule <cron: 5 fields> [time zone]  (e.g. /quiz schedule 0 9 * * 1-5 Asia/Tokyo) | /quiz schedule off | /quiz schedule digest on|off | /quiz schedule extras on|off | /quiz schedule domain <section>|all | /quiz schedule length <minutes 5-1440>|auto',
  post: 'Usage: /quiz post [section]  (admins: post a question now)',
  next: 'Usage: /quiz next [section]  (a private practice question; not scored)',
  me: 'Usage: /quiz me',
  dashboard: 'Usage: /quiz dashboard  (a private link to your dashboard in the browser)',
  today: "Usage: /quiz today  (today's question again, with your answer or the right one)",
  review:
    'Usage: /quiz review | /quiz review off | /quiz review on  (your due review questions, private, not scored)',
  ready: 'Usage: /quiz ready | /quiz ready team  (exam readiness per section)',
  report:
    'Usage: /quiz report <wrong-key|ambiguous|outdated|translation|other> [details]  (the last question you answered)',
  reports: 'Usage: /quiz reports | /quiz reports dismiss <question id>  (admins)',
  restore: 'Usage: /quiz restore <question id>  (admins: bring back a suspended question)',
  question: 'Usage: /quiz question <question id>  (admins: a question with its figures and reports)',
  guessed: 'Usage: /quiz guessed  (your last right answer was a guess)',
  'exam-date': 'Usage: /quiz exam-date <YYYY-MM-DD> | /quiz exam-date off  (your exam date, e.g. 2027-03-01)',
  gcp: 'Usage: /gcp <service>  (e.g. /gcp dataflow, /gcp 特徴量ストア, /gcp vertex pipelines)',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A bucket by its dates: "Nov 23–29", "Nov 30–Dec 6", "November 2026". */
function spanEn(key: string): string {
  const span = periodSpan(key);
  if (span.kind === 'month') return `${MONTH_NAMES[span.month - 1]} ${span.year}`;
  if (span.kind === 'all') return en.period.all;
  const { from, to } = span;
  const end = from.month === to.month ? `${to.day}` : `${MONTHS[to.month - 1]} ${to.day}`;
  return `${MONTHS[from.month - 1]} ${from.day}–${end}`;
}

export const en: Messages = {
  locale: 'en',
  difficulty: { easy: 'easy', medium: 'medium', hard: 'hard' },
  period: { week: 'this week', month: 'this month', all: 'all time' },

  questionTitle: "Today's PMLE question",
  practiceTitle: 'Practice question (not scored)',
  questionContext: (domain, difficulty, closesAt) => `${domain} · ${difficulty} · closes ${closesAt}`,
  answersSoFar: (count) => (count === 1 ? '1 answer so far' : `${count} answers so far`),
  closesAtFormat: {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  },

  correct: (points, streak) =>
    `Correct! +${points} points${streak > 1 ? ` · ${streak} right daily answers in a row` : ''}`,
  correctPractice: 'Correct! (practice: not scored)',
  incorrect: 'Not quite.',
  rightAnswer: (key, label) => `Right answer: ${key}. ${label}`,
  yourAnswer: (key, label) => `Your answer: ${key}. ${label}`,
  whyRight: 'Why it is right',
  whyYoursWrong: 'Why your choice is wrong',
  totals: (week, all) => `Your points: ${week} this week, ${all} all time`,
  duplicate: (key, label) =>
    `You already answered this one (your answer: ${key}. ${label}). Only the first answer counts.`,
  closed: 'This question has closed.',
  unknownRound: 'This question is no longer available.',
  unavailable: 'The quiz is unavailable for a moment. Please try again in a few seconds.',
  notRecorded:
    'The quiz is unavailable for a moment; your answer was not recorded. Please try again in a few seconds.',
  somethingWentWrong: 'Something went wrong on our side. Please try again.',

  revealTitle: 'Answer revealed',
  revealAnswer: (key, label) => `Correct answer: ${key}. ${label}`,
  answeredCount: (count) => (count === 1 ? '1 person answered' : `${count} people answered`),
  voteLine: (key, label, count, percent) => `${key}. ${label}: ${count} (${percent}%)`,
  explanationTitle: 'Explanation',

  leaderboardTitle: (period, key) => `Leaderboard, ${period === 'all' ? en.period.all : spanEn(key)}`,
  teamLeaderboardTitle: (period, key) =>
    `Team leaderboard, ${period === 'all' ? en.period.all : spanEn(key)}: average points per scoring member`,
  boardEmpty: 'No points yet. Answer the daily question to get on the board!',
  boardRow: (rank, name, points) => `${rank}. ${name}: ${points} pts`,
  boardViewer: (rank, points) => `You: #${rank} with ${points} pts`,
  boardViewerNone: 'You have no points in this period yet.',
  teamRow: (rank, name, average, total, members) =>
    `${rank}. ${name}: ${average.toFixed(1)} avg · ${total} pts · ${members} member${members === 1 ? '' : 's'}`,

  statsTitle: (name) => (name ? `Stats for ${name}` : 'Your stats'),
  statsPoints: (period, points, rank) => `${en.period[period]}: ${points} pts${rank ? ` (#${rank})` : ''}`,
  statsStreak: (streak, best) => `Right daily answers in a row: ${streak} (best ${best})`,
  statsAccuracy: (correct, answered) =>
    answered === 0
      ? 'No daily answers yet.'
      : `Accuracy: ${correct}/${answered} (${Math.round((100 * correct) / answered)}%)`,
  statsDomainTitle: 'By exam section',
  statsDomain: (domain, correct, answered) =>
    `${domain}: ${correct}/${answered} (${Math.round((100 * correct) / Math.max(answered, 1))}%)`,
  statsTeam: (name) => (name ? `Team: ${name}` : 'Team: none (join one with /quiz team join <name>)'),

  teamJoined: (name, created, left) =>
    `${left ? `You left ${left} and joined` : 'You joined'} ${name}${created ? ' (new team)' : ''}. Points you earned before joining do not count for the team.`,
  teamAlreadyMember: (name) => `You are already in ${name}.`,
  teamLeft: (name) => `You left ${name}.`,
  teamNotInTeam: 'You are not in a team.',
  teamListTitle: 'Teams',
  teamListEmpty: 'No teams yet. Start one with /quiz team join <name>.',
  teamListRow: (name, members) => `${name}: ${members} member${members === 1 ? '' : 's'}`,
  teamNameEmpty: 'A team name cannot be empty.',
  teamNameTooLong: (max) => `A team name can be at most ${max} characters.`,

  gcpUsage: USAGE.gcp ?? '',
  gcpFormerNames: (names) => `Formerly: ${names.join(', ')}`,
  gcpStatus: (status, date, successor) => {
    switch (status) {
      case 'active':
        return 'Status: active';
      case 'preview':
        return 'Status: Preview (no GA terms yet)';
      case 'unmaintained':
        return `Status: no longer actively maintained${successor ? `; use ${successor} instead` : ''}`;
      case 'renamed':
        return `Status: renamed${date ? ` (${date})` : ''}`;
      case 'deprecated':
        return `Status: deprecated${date ? ` since ${date}` : ''}${successor ? `; use ${successor} instead` : ''}`;
      case 'retired':
        return `Status: retired${date ? ` on ${date}` : ''}${successor ? `; use ${successor} instead` : ''}`;
    }
  },
  gcpWhatFor: 'What it is for',
  gcpChooseWhen: 'Choose it on the exam when',
  gcpDocs: 'Documentation',
  gcpPractice: 'Practise a question',
  gcpNoPractice: 'No practice question is about this service yet.',
  gcpNoMatch: (query) =>
    `No Google Cloud service matches "${query}". Try its current name, a former name or an abbreviation (for example /gcp bqml).`,
  gcpAmbiguous: (query) => `Several services match "${query}". Which one?`,

  consoleAnswerHint: (count) =>
    `Type 1-${count} (or A-${String.fromCharCode(64 + count)}) to answer, /help for commands.`,
  consoleUnknownInput: 'Type the letter (or number) of a choice, or /help for the commands.',
  consoleNoQuestion:
    'There is no open question. Type /quiz today for the question of the day, or /quiz next for practice.',
  consoleWelcome: 'PMLE quiz bot: local console mode (no Slack or Discord tokens set).',
  todayOpen: 'Open: you have not answered it yet.',
  todayAnswered: (correct, rightAnswer) =>
    `You answered today's question: ${correct ? 'right' : 'wrong'}. ${rightAnswer}`,
  todayClosed: (rightAnswer) =>
    `Today's question has closed. ${rightAnswer}. /quiz post brings the next one.`,
  todayNone: 'There is no question of the day yet. /quiz post brings one.',
  todayStillOpen: "Today's question is still open: /quiz today shows it again.",
  helpTitle: 'PMLE quiz: a daily question for the Google Cloud Professional Machine Learning Engineer exam.',
  helpAnswerButtons:
    'Answer with the letter buttons ("choose two": press Answer and pick exactly two): your first answer counts; you get the explanation privately.',
  helpAnswerTyped:
    'Type the letter (or number) of a choice to answer the question shown last; for "choose two", both: B,D or BD. Your first answer counts.',
  helpAdminsTitle: 'Admins (workspace or server admins, and QUIZ_ADMIN_USER_IDS)',
  helpScoring:
    'Scoring: 10 points per right daily answer, +1 for each right daily answer in a row before it (up to +5). Practice and review questions never score.',
  helpQuit: 'Ctrl-C or Ctrl-D quits.',
  commands: {
    gcp: { args: '<service>', text: 'look up a Google Cloud service (current, former or Japanese name)' },
    practice: { args: '<service>', text: 'a practice question about that service (not scored)' },
    today: { args: '', text: "today's question again: open, your answer, or closed with the right answer" },
    leaderboard: { args: '[week|month|all] [teams]', text: 'the boards: the top 10 and your own place' },
    me: { args: '', text: 'your points, streak and accuracy' },
    next: { args: '[section]', text: 'a private practice question (not scored)' },
    review: {
      args: '[off|on]',
      text: 'a question you are due to see again (FSRS), at most 20 a day; off or on turns reviews off or on',
    },
    guessed: { args: '', text: 'your last right answer was a guess: the question comes back sooner' },
    'exam-schedule': {
      args: 'full|half|sprint <YYYY-MM-DD> <HH:MM> [time zone]',
      text: 'a team mock day in this channel: a post with a Start button at that time, everyone gets the same questions within 3 hours, then a summary',
    },
    exam: {
      args: '[full|half|sprint|section <section>] | flag | back | next | go <n> | answer <letters> | submit | quit | history | report [page] | public on|off',
      text: 'a private timed mock exam weighted like the guide: flag, move, change answers, submit for a report (no pass mark: practice, not prediction)',
    },
    ready: { args: '[team]', text: "your (or your team's) exam readiness per section" },
    'exam-date': {
      args: '<YYYY-MM-DD>|off',
      text: 'your exam date: the days left in /quiz me and /quiz ready; reviews focus on the exam in its last 14 days',
    },
    report: {
      args: '<wrong-key|ambiguous|outdated|translation|other> [details]',
      text: 'report the last question you answered',
    },
    team: { args: 'join <name> | leave | list', text: 'teams (points count for a team from when you join)' },
    lang: { args: 'ja|en', text: 'your language' },
    dashboard: {
      args: '',
      text: 'a private single-use link to your dashboard in the browser: progress, readiness, team, question figures',
    },
    schedule: { args: '', text: "this channel's schedule and its next post times" },
    help: { args: '', text: 'this help' },
    post: { args: '[section]', text: 'the next scored question (reveals the current one)' },
    'post-admin': { args: '[section]', text: 'post a question to this channel now' },
    'schedule-admin': {
      args: '<cron> [time zone] | off | digest on|off | extras on|off | domain <section>|all | length <minutes>|auto',
      text: 'subscribe this channel, change or stop its schedule',
    },
    'schedule-admin-discord': {
      args: 'set <cron> [timezone] | off | domain | length | digest | extras',
      text: 'subscribe this channel, change or stop its schedule',
    },
    reports: { args: '[dismiss <question id>]', text: 'the open question reports; dismiss them' },
    restore: { args: '<question id>', text: 'bring a suspended question back' },
    question: { args: '<question id>', text: "a question's key, figures and reports" },
  },
  usage: (command) => USAGE[command] ?? 'Usage: /quiz help lists the commands.',
  unknownSubcommand: (name) => `Unknown command "${name}". /quiz help lists the commands.`,
  unknownSection: (section, sections) =>
    `"${section}" is not an exam section. The sections are: ${sections.map((s) => `${s.id} (${s.section})`).join(', ')}.`,
  chooseSection: (sections) =>
    `Name an exam section: ${sections.map((s) => `${s.id} (${s.section})`).join(', ')}, or all.`,
  consolePlayer: 'console player',
  adminOnly:
    'Only workspace or server admins (or the users in QUIZ_ADMIN_USER_IDS) can do that. Nothing was changed.',
  langSet: (locale) => (locale === 'ja' ? '言語を日本語に設定しました。' : 'Language set to English.'),
  posted: 'Posted a question to this channel.',
  noQuestions: 'There are no questions for that exam section.',
  guildOnly: 'The quiz works in a server channel, not in direct messages.',

  scheduleTitle: 'Daily question schedule of this channel',
  scheduleSettings: (cron, timeZone, domain, digest, roundMinutes) => [
    `Cron: ${cron} (${timeZone})`,
    `Exam section: ${domain ?? 'all'}`,
    `Round length: ${roundMinutes ? `${roundMinutes} minutes` : 'until the next question (at most 24 hours)'}`,
    `Weekly digest: ${digest ? 'on' : 'off'}`,
  ],
  unknownDomain: (domain, known) =>
    `"${domain}" is not an exam section. Use one of: ${known.join(', ')}, or all. Nothing changed.`,
  schedulePaused: (reason) => `Paused: ${reason}. Run /quiz schedule <cron> again to resume.`,
  scheduleNextTitle: (timeZone) => `Next posts (${timeZone})`,
  scheduleNone: (cron, timeZone) =>
    `This channel gets no daily question yet. Subscribe with /quiz schedule ${cron} ${timeZone} (or your own cron and time zone).`,
  scheduleSaved: 'Schedule saved.',
  scheduleFirstPost: (when) => `First question: ${when}.`,
  scheduleOff: 'This channel no longer gets the daily question.',
  scheduleNotSubscribed: 'This channel was not subscribed; nothing changed.',
  invalidCron: (cron, error) =>
    `"${cron}" is not a valid schedule: ${error}. Use 5 cron fields, e.g. 0 9 * * 1-5 for 9:00 on weekdays. Nothing changed.`,
  invalidTimeZone: (timeZone) =>
    `"${timeZone}" is not a time zone. Use an IANA name such as Asia/Tokyo or America/New_York. Nothing changed.`,
  digestSet: (enabled) => `Weekly digest ${enabled ? 'on' : 'off'}.`,
  scheduleExtras: (enabled) =>
    `Extras (product-history trivia, general statistics off the exam guide): ${enabled ? 'in daily questions' : 'practice and review only'}`,
  digestTitle: (weekKey) => `Last week's leaders (${spanEn(weekKey)})`,
  digestPlayers: 'Top players',
  digestTeams: 'Top teams',
  digestEmpty: 'Nobody scored last week. A fresh start!',
  answerButton: 'Answer',
  pickTitle: (count) => `Choose ${count}`,
  pickLabel: (count) => `Pick exactly ${count} options; the full texts are in the question.`,
  pickSubmit: 'Submit',
  pickCancel: 'Cancel',
  pickExactly: (count, picked) =>
    `Pick exactly ${count} options (you picked ${picked}). Your answer was not recorded yet.`,
  rightAnswerSet: (letters) => `Right answers: ${letters.join(', ')}`,
  yourAnswerSet: (letters) => `Your answer: ${letters.join(', ')}`,
  optionVerdict: (letter, verdict) =>
    verdict === 'picked-right'
      ? `✅ ${letter}: you picked it, and it is right`
      : verdict === 'picked-wrong'
        ? `❌ ${letter}: you picked it, but it is wrong`
        : `⚠️ ${letter}: you left it out, but it is right`,
  wholeSetRight: (count, percent) => `Whole set right: ${count} (${percent}%)`,
  revealAnswerSet: (letters) => `Correct answers: ${letters.join(', ')}`,
  consolePickHint: (picks) =>
    `Choose ${picks}: type the letters, e.g. B,D or BD (numbers work too); /help for commands.`,
  noName: '(no name)',
  installedTitle: 'PMLE Quiz is installed',
  installedBody: (workspace) => [
    `PMLE Quiz is now installed in ${workspace}.`,
    'Next: invite the bot to a channel (/invite @pmle-quiz), then run /quiz schedule there to get the daily question.',
    '/quiz help lists everything else.',
  ],
  installRefusedTitle: 'Installation not completed',
  installStateRefused:
    'This installation link has expired, was already used, or did not come from this app. Nothing was installed.',
  installNotThisBrowser:
    'This browser has no record of starting this installation: it was started in another browser or a private window, cookies are blocked, or more than 10 minutes passed. Nothing was installed. Start the install again in this browser and finish it in the same browser.',
  installCodeRefused:
    'Slack did not accept the code of this installation: a code works once and only for a few minutes, so this page may have been reloaded or opened late. Nothing was installed. Start the install again.',
  installCancelled: 'The installation was cancelled. Nothing was installed.',
  installOrgWideRefused:
    'PMLE Quiz cannot be installed for a whole Enterprise Grid organization. Install it in each workspace instead. Nothing was installed.',
  installFailed: 'Slack did not complete the installation. Nothing was installed; please try again.',
  installMissingCode:
    'This page was opened without the code Slack adds when an installation is approved. Nothing was installed. Start the install again.',
  installTooMany:
    'Too many installation attempts from this address. Nothing was installed. Wait a minute, then try again.',
  installRetryLink: 'Start the installation again',
  schedulePausedNotInChannel: (reason) =>
    `Paused: ${reason}. The bot is not in this channel: invite it (/invite @pmle-quiz), then run /quiz schedule <cron> again to resume.`,
  learning: learningEn,
  dashboard: dashboardEn,
  exam: examEn,
};
