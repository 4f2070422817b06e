import { type DisplayedChoice, decodePicks, displayedChoices, isMultiSelect } from './choices.js';
import type { Messages } from './messages/index.js';
import type { Locale, Question, Round } from './model.js';
import type { Section } from './views.js';

/** How the answers of a round read: choices named by the letters that round showed. */

export type Shown = Pick<Round, 'choiceOrder'>;

/** The letters the round showed for these bank keys, in display order. */
export function lettersOf(question: Question, shown: Shown, keys: readonly string[]): string[] {
  return displayedChoices(question, shown)
    .filter((d) => keys.includes(d.choice.key))
    .map((d) => d.letter);
}

/** `B. text` (one key) or `B, D` (a set), as the round showed them. */
export function answerText(
  question: Question,
  shown: Shown,
  value: string,
  locale: Locale,
): [string, string] {
  const keys = decodePicks(value);
  const shownChoices = displayedChoices(question, shown).filter((d) => keys.includes(d.choice.key));
  if (shownChoices.length === 1 && shownChoices[0]) {
    return [shownChoices[0].letter, shownChoices[0].choice.text[locale]];
  }
  return [
    shownChoices.map((d) => d.letter).join(', '),
    shownChoices.map((d) => d.choice.text[locale]).join(' / '),
  ];
}

/** The right answer as a line: `Right answer: B. text`, or `Right answers: B, D` for a set. */
export function rightAnswerLine(q: Question, shown: Shown, m: Messages): string {
  if (isMultiSelect(q)) return m.rightAnswerSet(lettersOf(q, shown, q.answer));
  const [letter, text] = answerText(q, shown, q.answer.join(','), m.locale);
  return m.rightAnswer(letter, text);
}

/** For each option picked or right (in display order): what it was and why. Unpicked wrong ones are left out. */
export function optionVerdicts(
  shown: DisplayedChoice[],
  answer: readonly string[],
  picked: readonly string[],
  m: Messages,
): Section[] {
  return shown.flatMap(({ letter, choice }) => {
    const isPicked = picked.includes(choice.key);
    const isRight = answer.includes(choice.key);
    if (!isPicked && !isRight) return [];
    const verdict = isPicked ? (isRight ? 'picked-right' : 'picked-wrong') : 'missed';
    return [
      { title: m.optionVerdict(letter, verdict), body: `${choice.text[m.locale]}\n${choice.why[m.locale]}` },
    ];
  });
}
