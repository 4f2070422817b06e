import type { ExamMessages } from './exam-messages.js';

const FORMS: Record<string, string> = {
  full: 'Full mock exam',
  half: 'Half mock exam',
  sprint: 'Sprint mock exam',
  section: 'Section mock exam',
};

export const examEn: ExamMessages = {
  formName: (form, section) => `${FORMS[form] ?? form}${section ? ` (${section})` : ''}`,
  questionOf: (n, total) => `Question ${n} of ${total}`,
  flaggedMark: '⚑ flagged',
  deadline: (at, minutesLeft) => `Ends at ${at} (${minutesLeft} min left)`,
  currentAnswer: (letters, picks) =>
    letters
      ? `Your answer: ${letters}`
      : picks > 1
        ? `Not answered yet (choose ${picks})`
        : 'Not answered yet',
  navigatorLegend: '✓ answered · ⚑ flagged · ▸ here',
  flagButton: 'Flag',
  unflagButton: 'Unflag',
  previousButton: 'Previous',
  nextButton: 'Next',
  submitButton: 'Submit',
  started: (form, questions, minutes, deadline) =>
    `${form}: ${questions} questions in ${minutes} minutes, until ${deadline}. Answers can be changed until you submit; no right or wrong until the end.`,
  resumed: 'Your exam goes on where you left it.',
  consoleHint: (picks) =>
    `${picks > 1 ? `Type ${picks} letters (e.g. B,D)` : 'Type a letter'} to answer · /quiz exam flag|back|next|go <n>|submit|quit`,
  confirmSubmit: (unanswered, flagged) =>
    `You have ${unanswered} unanswered and ${flagged} flagged question${unanswered + flagged === 1 ? '' : 's'}. Submit again within 2 minutes to hand in anyway.`,
  badPosition: (total) => `There is no such question: choose 1 to ${total}.`,
  noExam: 'You have no exam open. Start one with /quiz exam [full|half|sprint|section <section>].',
  noQuestions: 'There are not enough questions for that exam.',
  timedOut: 'Time ran out: your exam was scored as it stood at the deadline.',
  quit: (deadline) =>
    `You left the exam view. The clock keeps running until ${deadline}; /quiz exam brings you back.`,
  reportTitle: (form, right, total, percent) => `${form}: ${right} of ${total} right (${percent}%)`,
  reportTime: (used, limit) => `Time used: ${used} of ${limit} minutes`,
  reportChange: (delta, previous) =>
    `Since your previous exam of this form (${previous}%): ${delta > 0 ? '+' : ''}${delta} points`,
  reportFirst: 'Your first exam of this form.',
  reportSection: (name, bar, right, total, percent, low, high) =>
    `${bar} ${name}: ${right}/${total} (${percent}%, 95% range ${low}-${high}%)`,
  reportNote:
    'Google publishes no pass mark and returns only pass or fail: this is practice, not a prediction. Your answers now count in /quiz review and /quiz ready.',
  reportReviewTitle: (page, pages) => `Wrong and flagged questions (page ${page} of ${pages})`,
  reportNothingToReview: 'No wrong or flagged questions. Well done!',
  reportItemTitle: (n, flagged) => `Question ${n}${flagged ? ' ⚑' : ''}`,
  reportAnswers: (yours, right) => `Your answer: ${yours} · Right: ${right}`,
  reportMore: (command) => `More: ${command}`,
  reportMoreButton: 'More',
  reportNone: 'You have no submitted exam to show. /quiz exam history lists your results.',
  questionGone:
    '(This question has left the bank since the exam started; your answer still counts as given.)',
  historyTitle: 'Your mock exams',
  historyRow: (date, form, right, total, percent, timedOut) =>
    `${date} · ${form}: ${right}/${total} (${percent}%)${timedOut ? ' · time ran out' : ''}`,
  historyNone: 'No exams yet. Start one with /quiz exam sprint (10 questions, 24 minutes).',
  usage:
    'Usage: /quiz exam [full|half|sprint|section <section>] | /quiz exam flag|back|next|go <n>|submit|quit|history|report [page]',
  mockDayTitle: (form) => `Team mock day: ${form}`,
  mockDayPost: (questions, minutes, until) =>
    `${questions} questions, ${minutes} minutes each. Press Start any time until ${until}: everyone gets the same questions in the same order and the full time, privately. The channel gets a summary afterwards.`,
  mockDayStartButton: 'Start',
  mockDayScheduled: (form, at) =>
    `Scheduled: ${form} for this channel at ${at}. The post with a Start button comes then.`,
  mockDayInPast:
    'That time has passed. Give a date and time to come, e.g. /quiz exam schedule sprint 2026-12-10 10:00 Asia/Tokyo.',
  mockDayNotHere: 'The console runs no scheduler; schedule team mock days on Slack or Discord.',
  mockDayUsage:
    'Usage: /quiz exam schedule full|half|sprint <YYYY-MM-DD> <HH:MM> [time zone]  (admins: a team mock day in this channel)',
  privateExamOpen:
    'You have a private exam open. Submit it first (/quiz exam submit), then press Start again.',
  mockDayClosed: 'This mock day is not open: it has not started yet, or its window has closed.',
  mockDayTaken: 'You have already taken this mock day. Your result is in /quiz exam history.',
  summaryTitle: (form) => `Team mock day results: ${form}`,
  summaryParticipants: (count) => `${count} participant${count === 1 ? '' : 's'}`,
  summarySectionsTitle: 'Team average per section (95% range)',
  summarySectionsNeedThree: (minimum) => `Section averages are shown from ${minimum} participants.`,
  summaryDistributionTitle: 'Scores',
  summaryTopTitle: 'Top scores (players who said /quiz exam public on)',
  summaryTopRow: (rank, name, percent) => `${rank}. ${name}: ${percent}%`,
  summaryNoPublic: 'Nobody has opted in to be named (/quiz exam public on).',
  summaryNote: 'Google publishes no pass mark: these are practice figures, not a prediction.',
  publicSet: (on) =>
    on
      ? 'Your mock-day scores may now be named in channel summaries.'
      : 'Your mock-day scores stay anonymous in channel summaries.',
};
