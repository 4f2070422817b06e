import type { Locale, Question, Round } from '../model/model.js';
import type { Section } from '../ports/views.js';
import { type DisplayedChoice, decodePicks, isMultiSelect } from '../rounds/choices.js';
import type { Messages } from './messages/index.js';

/**
 * How the answers of a round read: choices named by the letters that round showed. Every function takes the
 * round's displayed choices, computed once per rendering by the view that calls them, so one view never
 * recomputes the display order.
 */

export type Shown = Pick<Round, 'choiceOrder'>;

/** The letters the round showed for these bank keys, in display order. */
export function lettersOf(shown: readonly DisplayedChoice[], keys: readonly string[]): string[] {
  return shown.filter((d) => keys.includes(d.choice.key)).map((d) => d.letter);
}

/** `B. text` (one key) or `B, D` (a set), as the round showed them. */
export function answerText(
  shown: readonly DisplayedChoice[],
  value: string,
  locale: Locale,
): [string, string] {
  const keys = decodePicks(value);
  const picked = shown.filter((d) => keys.includes(d.choice.key));
  if (picked.length === 1 && picked[0]) return [picked[0].letter, picked[0].choice.text[locale]];
  return [picked.map((d) => d.letter).join(', '), picked.map((d) => d.choice.text[locale]).join(' / ')];
}

/** The right answer as a line: `Right answer: B. text`, or `Right answers: B, D` for a set. */
export function rightAnswerLine(q: Question, shown: readonly DisplayedChoice[], m: Messages): string {
  if (isMultiSelect(q)) return m.rightAnswerSet(lettersOf(shown, q.answer));
  const [letter, text] = answerText(shown, q.answer.join(','), m.locale);
  return m.rightAnswer(letter, text);
}

/** For each option picked or right (in display order): what it was and why. Unpicked wrong ones are left out. */
export function optionVerdicts(
  shown: readonly DisplayedChoice[],
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
