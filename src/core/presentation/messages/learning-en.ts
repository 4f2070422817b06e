import type { LearningMessages } from './learning-messages.js';

const daysLeftEn = (days: number): string =>
  days === 0 ? 'today' : days === 1 ? '1 day left' : `${days} days left`;

export const learningEn: LearningMessages = {
  reviewTitle: 'Review question (not scored)',
  reviewRemaining: (count) =>
    count === 0 ? 'Your last due review for now.' : `${count} more due after this one.`,
  reviewNothingYet: 'Nothing to review yet. Answer a few questions first (/quiz next gives you one).',
  reviewNoneDue: (next) =>
    next ? `No reviews due. The next one is due ${next}.` : 'No reviews due right now.',
  reviewLimit: (limit) => `You did ${limit} reviews today, the daily maximum. More tomorrow!`,
  reviewOff: 'Your reviews are off. Turn them back on with /quiz review on.',
  reviewSet: (enabled) =>
    enabled
      ? 'Reviews on: /quiz review brings back the questions you are due to see again.'
      : 'Reviews off: /quiz review serves nothing until you turn it back on with /quiz review on. Your answers are still counted.',
  // FSRS here has no same-day steps: a wrong answer is due again a day later at the soonest.
  reviewHint: 'This question will come back for review, tomorrow at the earliest.',
  statsReviews: (due) =>
    due === null ? 'Reviews: off (/quiz review on)' : `Reviews due: ${due} (/quiz review)`,
  guessedButton: 'I guessed',
  guessedNoted: 'Noted: a guess counts as a weak answer, so this question comes back sooner.',
  guessedNone: 'There is no right answer of yours to mark as a guess.',

  readyTitle: (name) => (name ? `Exam readiness of ${name}` : 'Your exam readiness'),
  readyTeamTitle: (team) => `Exam readiness of team ${team}`,
  readySection: (name, bar, percent, low, high, count) =>
    `${bar} ${name}: ${percent}% (95% range ${low}-${high}%, ${count} question${count === 1 ? '' : 's'})`,
  readyNotEnough: (name, count, minimum) =>
    `▱▱▱▱▱ ${name}: not enough data (${count} of at least ${minimum} questions)`,
  readyOverall: (percent, low, high, covered, total) =>
    `Overall, weighted by the exam guide: ${percent}% (${low}-${high}%).${covered < total ? ` It counts only the sections with enough answers so far, which make up ${covered}% of the exam.` : ''}`,
  readyOverallNone: (minimum) =>
    `Overall: not enough data yet. Answer at least ${minimum} questions of a section.`,
  readyWeakest: (name, domainId) => `Weakest section: ${name}. Practise it with /quiz next ${domainId}`,
  readyNote: 'Each question counts once, by its latest answer; recent answers weigh more.',
  readyNoTeam: 'You are not in a team. Join one with /quiz team join <name>.',

  examDateSet: (date, daysLeft, crunchDays) =>
    `Exam date set: ${date} (${daysLeftEn(daysLeft)}). In the last ${crunchDays} days, /quiz review brings questions back sooner and takes at least half of each day's reviews from your weakest section.`,
  examDateCleared: (had) => (had ? 'Exam date cleared.' : 'You had no exam date set.'),
  examDateMalformed: (text) =>
    `"${text}" is not a date. Write it as YYYY-MM-DD (e.g. /quiz exam-date 2027-03-01), or /quiz exam-date off to clear it.`,
  examDateNoSuchDay: (text) => `There is no day ${text} in the calendar. Check the month and the day.`,
  examDatePast: (date, today) =>
    `${date} has already passed (today is ${today}). Give the date of an exam still ahead.`,
  examDateTooFar: (date, latest, years) =>
    `${date} is more than ${years} years ahead (the latest date accepted is ${latest}). Check the year.`,
  examCountdown: (date, daysLeft, crunch) => {
    if (daysLeft < 0)
      return `Exam date ${date} has passed. Set the next one with /quiz exam-date <YYYY-MM-DD>, or /quiz exam-date off.`;
    const focus = crunch ? ' · reviews now focus on the exam' : '';
    return daysLeft === 0
      ? `Exam: today (${date}). Good luck!`
      : `Exam: ${date}, ${daysLeftEn(daysLeft)}${focus}`;
  },

  reportButton: 'Report',
  reportModalTitle: 'Report a question',
  reportReasonLabel: 'What is wrong?',
  reportTextLabel: 'Details (optional)',
  reportSubmit: 'Send',
  reportCancel: 'Cancel',
  reportReasons: {
    'wrong-key': 'The marked answer is wrong',
    ambiguous: 'Ambiguous: more than one answer fits',
    outdated: 'Outdated (a service or feature changed)',
    translation: 'Translation problem',
    other: 'Something else',
  },
  reportThanks: (questionId) =>
    `Thank you! Your report on ${questionId} is recorded; the admins will look at it.`,
  reportDuplicate: 'You have already reported this question. Thank you!',
  reportNoQuestion:
    'Answer a question first: /quiz report <wrong-key|ambiguous|outdated|translation|other> [details] reports the last question you answered.',
  reportUnknownQuestion: (questionId) => `There is no question "${questionId}".`,
  reportsTitle: 'Open question reports',
  reportsEmpty: 'No open reports.',
  reportsRow: (questionId, count, reasons, suspended) =>
    `${questionId}: ${count} report${count === 1 ? '' : 's'} (${reasons})${suspended ? ' · suspended' : ''}`,
  reportsSuspended: (ids) => `Suspended here: ${ids.join(', ')}. Bring one back with /quiz restore <id>.`,
  reportsDismissed: (questionId, count) =>
    `Dismissed ${count} report${count === 1 ? '' : 's'} on ${questionId}.`,
  reportsNothingToDismiss: (questionId) => `There are no open reports on ${questionId}. Nothing changed.`,
  restored: (questionId) => `${questionId} is back in this workspace's questions; its reports are closed.`,
  notSuspended: (questionId) => `${questionId} is not suspended. Nothing changed.`,

  itemTitle: (questionId, version) => `Question ${questionId} (version ${version})`,
  itemWeakDistractors: (keys) =>
    `Picked by fewer than 5 % of first answers (a distractor that does no work; rewrite it): ${keys}`,
  itemKey: (key) => `Key: ${key}`,
  itemFigures: (answered, p, discrimination) =>
    `First answers here: ${answered} · p ${p === null ? '-' : p.toFixed(2)} · discrimination ${discrimination === null ? '-' : discrimination.toFixed(2)}`,
  itemOptions: (counts) => `Picked: ${counts}`,
  itemSuspended: 'Suspended in this workspace (/quiz restore <id> brings it back).',
  itemReportsTitle: 'Open reports',
  itemNoReports: 'No open reports.',
};
