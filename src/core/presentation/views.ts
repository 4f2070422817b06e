import type {
  ExamDomain,
  Leaderboard,
  Locale,
  PlayerStats,
  Question,
  Round,
  Tally,
  Team,
  TeamLeaderboard,
} from '../model/model.js';
import { neutralize } from '../model/safe-text.js';
import type { ButtonView, QuestionView, RevealView, Section, TextView } from '../ports/views.js';
import { decodePicks, displayedChoices, isMultiSelect, picksRequired } from '../rounds/choices.js';
import type { AnswerOutcome } from '../rounds/quiz-engine.js';
import { encodeAction } from './action-id.js';
import { answerText, lettersOf, optionVerdicts, rightAnswerLine, type Shown } from './answer-text.js';
import { type FeedbackParts, feedbackParts } from './feedback-parts.js';
import type { Messages } from './messages/index.js';

/**
 * Platform-neutral views: what a message says, in plain text, with buttons as (label, action) pairs.
 * Adapters turn them into Block Kit, embeds or terminal lines, so every platform says the same thing.
 */

export function textView(title: string, lines: string[] = [], extra: Partial<TextView> = {}): TextView {
  return { title, lines, sections: [], buttons: [], ...extra };
}

export function choiceLabel(question: Question, key: string, locale: Locale): string {
  return question.choices.find((c) => c.key === key)?.text[locale] ?? key;
}

/** Formats are costly to build and few (locales × time zones), so they are kept. */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatTime(epochMs: number, timeZone: string, m: Messages): string {
  const key = `${m.locale}|${timeZone}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(m.locale === 'ja' ? 'ja-JP' : 'en-US', {
      ...m.closesAtFormat,
      timeZone,
    });
    timeFormats.set(key, format);
  }
  return format.format(epochMs);
}

export function questionView(input: {
  round: Round;
  question: Question;
  domain: ExamDomain | undefined;
  answerCount: number;
  timeZone: string;
  m: Messages;
}): QuestionView {
  const { round, question, m } = input;
  const locale = m.locale;
  const shown = displayedChoices(question, round);
  return {
    title:
      round.kind === 'daily'
        ? m.questionTitle
        : round.kind === 'review'
          ? m.learning.reviewTitle
          : m.practiceTitle,
    stem: question.stem[locale],
    choices: shown.map((d) => ({ letter: d.letter, key: d.choice.key, text: d.choice.text[locale] })),
    // The letter alone: the full texts are in the message body, once.
    buttons: isMultiSelect(question)
      ? [{ label: m.answerButton, action: encodeAction({ kind: 'pick', roundId: round.id }) }]
      : shown.map((d) => ({
          label: d.letter,
          action: encodeAction({ kind: 'answer', roundId: round.id, choice: d.choice.key }),
        })),
    picks: picksRequired(question),
    context: m.questionContext(
      input.domain?.name[locale] ?? question.domain,
      m.difficulty[question.difficulty],
      formatTime(round.closesAt, input.timeZone, m),
    ),
    answers: m.answersSoFar(input.answerCount),
  };
}

/** The private reply to a click (or a typed answer in the console). */
export function feedbackView(outcome: AnswerOutcome, m: Messages): TextView {
  const locale = m.locale;
  switch (outcome.kind) {
    case 'unknown-round':
      return textView(m.unknownRound);
    case 'closed': {
      const q = outcome.question;
      return textView(m.closed, [rightAnswerLine(q, displayedChoices(q, outcome), m)], {
        sections: [{ title: m.whyRight, body: q.explanation[locale] }],
      });
    }
    case 'duplicate': {
      const shown = displayedChoices(outcome.question, outcome);
      const [letters, texts] = answerText(shown, outcome.previousChoice, locale);
      return textView(m.duplicate(letters, texts));
    }
    case 'correct':
    case 'incorrect': {
      const headline =
        outcome.kind === 'incorrect'
          ? m.incorrect
          : outcome.roundKind !== 'daily'
            ? m.correctPractice
            : m.correct(outcome.points, outcome.streak);
      // Everything but the headline and the totals is the same on every click of this choice in this round.
      const parts = feedbackParts(
        outcome.question,
        { locale, kind: outcome.kind, choice: outcome.choice, order: outcome.choiceOrder },
        () => answerParts(outcome.kind, outcome.question, outcome, outcome.choice, m),
      );
      const lines = [...parts.before];
      if (outcome.roundKind === 'daily') lines.push(m.totals(outcome.totals.week, outcome.totals.all));
      lines.push(...parts.after);
      return textView(headline, lines, { sections: parts.sections, buttons: parts.buttons });
    }
  }
}

/** The feedback on one choice of a round, without its headline and totals (see feedback-parts.ts). */
function answerParts(
  kind: 'correct' | 'incorrect',
  q: Question,
  round: Shown,
  choice: string,
  m: Messages,
): FeedbackParts {
  const locale = m.locale;
  // The round's display order, computed once for every line and section below.
  const shown = displayedChoices(q, round);
  const before = [rightAnswerLine(q, shown, m)];
  const picked = decodePicks(choice);
  if (kind === 'incorrect') {
    if (isMultiSelect(q)) before.push(m.yourAnswerSet(lettersOf(shown, picked)));
    else before.push(m.yourAnswer(...answerText(shown, choice, locale)));
  }
  const after = kind === 'incorrect' ? [m.learning.reviewHint] : [];
  const buttons = learningButtons(kind, q.id, m);
  if (isMultiSelect(q)) {
    const sections = [
      { title: m.whyRight, body: q.explanation[locale] },
      ...optionVerdicts(shown, q.answer, picked, m),
    ];
    return { before, after, sections, buttons };
  }
  const right = q.choices.find((c) => q.answer.includes(c.key));
  const chosen = q.choices.find((c) => c.key === choice);
  const sections: Section[] = [
    { title: m.whyRight, body: joinNonEmpty(q.explanation[locale], right?.why[locale]) },
  ];
  if (kind === 'incorrect' && chosen) sections.push({ title: m.whyYoursWrong, body: chosen.why[locale] });
  return { before, after, sections, buttons };
}

/**
 * The result of a round in the letters it showed: each option's share of the answers (for a
 * multiple-select question, the share that picked it) and, for a set, the share wholly right.
 */
export function revealView(round: Shown, question: Question, tally: Tally, m: Messages): RevealView {
  const locale = m.locale;
  const shown = displayedChoices(question, round);
  const share = (count: number): number => (tally.total === 0 ? 0 : Math.round((100 * count) / tally.total));
  const votes = shown.map(({ letter, choice }) => {
    const count = tally.counts[choice.key] ?? 0;
    const mark = question.answer.includes(choice.key) ? '✅ ' : '';
    return `${mark}${m.voteLine(letter, choice.text[locale], count, share(count))}`;
  });
  const multi = isMultiSelect(question);
  const rightLetters = lettersOf(shown, question.answer);
  const [letter, text] = answerText(shown, question.answer.join(','), locale);
  return {
    title: m.revealTitle,
    stem: question.stem[locale],
    answer: multi ? m.revealAnswerSet(rightLetters) : m.revealAnswer(letter, text),
    votes,
    answered: multi
      ? `${m.answeredCount(tally.total)} · ${m.wholeSetRight(tally.right, share(tally.right))}`
      : m.answeredCount(tally.total),
    rightLetters,
    explanation: {
      title: m.explanationTitle,
      body: [question.explanation[locale], ...shown.map((d) => `${d.letter}. ${d.choice.why[locale]}`)].join(
        '\n',
      ),
    },
  };
}

export function leaderboardView(board: Leaderboard, m: Messages): TextView {
  const lines = board.entries.map((e) => m.boardRow(e.rank, shownName(e.displayName) || m.noName, e.points));
  if (lines.length === 0) lines.push(m.boardEmpty);
  const viewer = board.viewer ? m.boardViewer(board.viewer.rank, board.viewer.points) : m.boardViewerNone;
  return textView(m.leaderboardTitle(board.period, board.periodKey), [...lines, '', viewer]);
}

export function teamLeaderboardView(board: TeamLeaderboard, m: Messages): TextView {
  const lines = board.entries.map((e) =>
    m.teamRow(e.rank, shownName(e.name), e.average, e.total, e.memberCount),
  );
  return textView(
    m.teamLeaderboardTitle(board.period, board.periodKey),
    lines.length > 0 ? lines : [m.boardEmpty],
  );
}

/** `fallbackName`: the asker's name when the store has none yet; null or empty when they have none at all. */
export function statsView(
  stats: PlayerStats,
  fallbackName: string | null,
  domains: readonly ExamDomain[],
  m: Messages,
): TextView {
  const lines = [
    m.statsPoints('week', stats.points.week, stats.rank.week),
    m.statsPoints('month', stats.points.month, stats.rank.month),
    m.statsPoints('all', stats.points.all, stats.rank.all),
    m.statsStreak(stats.streak, stats.bestStreak),
    m.statsAccuracy(stats.correct, stats.answered),
    m.statsTeam(stats.team ? shownName(stats.team.name) : null),
  ];
  const perDomain = domains
    .filter((d) => (stats.perDomain[d.id]?.answered ?? 0) > 0)
    .map((d) => {
      const s = stats.perDomain[d.id] ?? { answered: 0, correct: 0 };
      return m.statsDomain(d.name[m.locale], s.correct, s.answered);
    });
  const sections = perDomain.length > 0 ? [{ title: m.statsDomainTitle, body: perDomain.join('\n') }] : [];
  const shown = shownName(stats.displayName || fallbackName || '');
  return textView(m.statsTitle(shown || null), lines, { sections });
}

/**
 * Last week's top players and teams, posted before the first question of a week. The names go through
 * the shown-name rule like every board: a name stored raw (by an older version) must not link or ping.
 */
export function weeklyDigestView(
  weekKey: string,
  players: Leaderboard,
  teams: TeamLeaderboard,
  m: Messages,
): TextView {
  const sections: Section[] = [];
  if (players.entries.length > 0) {
    sections.push({
      title: m.digestPlayers,
      body: players.entries
        .map((e) => m.boardRow(e.rank, shownName(e.displayName) || m.noName, e.points))
        .join('\n'),
    });
  }
  if (teams.entries.length > 0) {
    sections.push({
      title: m.digestTeams,
      body: teams.entries
        .map((e) => m.teamRow(e.rank, shownName(e.name), e.average, e.total, e.memberCount))
        .join('\n'),
    });
  }
  return textView(m.digestTitle(weekKey), sections.length === 0 ? [m.digestEmpty] : [], { sections });
}

export function teamListView(teams: Team[], m: Messages): TextView {
  const lines = teams.map((t) => m.teamListRow(shownName(t.name), t.memberCount));
  return textView(m.teamListTitle, lines.length > 0 ? lines : [m.teamListEmpty]);
}

/** Under the feedback: "I guessed" after a right answer (FSRS Hard), and "Report" always. */
function learningButtons(kind: 'correct' | 'incorrect', questionId: string, m: Messages): ButtonView[] {
  const report = { label: m.learning.reportButton, action: encodeAction({ kind: 'report', questionId }) };
  if (kind === 'incorrect') return [report];
  return [{ label: m.learning.guessedButton, action: encodeAction({ kind: 'guessed', questionId }) }, report];
}

function joinNonEmpty(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => Boolean(p?.trim())).join('\n');
}

/**
 * A person's or team's name as shown: neutralised again at display, not only when stored, so names
 * stored before a rule was added (or by another version) cannot link, mention or format either.
 */
function shownName(name: string): string {
  return neutralize(name, 64);
}
