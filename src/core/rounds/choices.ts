import type { Choice, Question, Round } from '../model/model.js';
import type { Random } from '../model/random.js';

/**
 * Choices as people see them and as the store keeps them. The bank's keys (`A`..`E` in the YAML) are the
 * stable identity: stored answers, counters, statistics and action ids use them. A round shows the choices
 * in its own order, lettered A, B, C... on screen; these helpers translate between the two.
 */

const LETTERS = 'ABCDEFGHIJ';

/** A choice as shown in one round: the letter on screen and the bank's choice behind it. */
export interface DisplayedChoice {
  letter: string;
  choice: Choice;
}

/** "Choose two": more than one right key. */
export function isMultiSelect(question: Question): boolean {
  return question.answer.length > 1;
}

/** How many options a player must pick. */
export function picksRequired(question: Question): number {
  return question.answer.length;
}

/** The display letter of position `index` (0-based). */
export function displayLetter(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

/**
 * The choices in the round's order. A round without an order (opened before orders were shuffled), or
 * whose order no longer matches the bank's choices, shows the bank order.
 */
export function displayedChoices(question: Question, round: Pick<Round, 'choiceOrder'>): DisplayedChoice[] {
  const order = round.choiceOrder;
  const byKey = new Map(question.choices.map((c) => [c.key, c]));
  const ordered =
    order && order.length === question.choices.length && order.every((key) => byKey.has(key))
      ? order.map((key) => byKey.get(key) as Choice)
      : question.choices;
  return ordered.map((choice, i) => ({ letter: displayLetter(i), choice }));
}

/** The letter a bank key is shown under in this round (the key itself when unknown). */
export function letterOf(question: Question, round: Pick<Round, 'choiceOrder'>, key: string): string {
  return displayedChoices(question, round).find((d) => d.choice.key === key)?.letter ?? key;
}

/** A fresh order of `keys` (Fisher-Yates with the engine's seedable random). */
export function shuffledOrder(keys: readonly string[], random: Random): string[] {
  const order = [...keys];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return order;
}

/**
 * One stored choice value for a set of picked bank keys: sorted, without repeats, comma-joined (`B,D`).
 * A single answer is just its key, as before multiple select existed.
 */
export function encodePicks(keys: readonly string[]): string {
  return [...new Set(keys)].sort().join(',');
}

export function decodePicks(value: string): string[] {
  return value.split(',').filter((key) => key !== '');
}

/** The stored value of the right answer, in the same form as `encodePicks`. */
export function answerValue(question: Question): string {
  return encodePicks(question.answer);
}

/**
 * What a person typed in the console as display letters: `B`, `2`, `B,D`, `BD`, `b d`, `２`, `Ｂ，Ｄ`.
 * Full-width forms are folded (NFKC) first. Null when anything else is in the way.
 */
export function parseTypedPicks(typed: string, choiceCount: number): string[] | null {
  const folded = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s,、，.・/]+/g, '');
  if (folded === '') return null;
  const letters: string[] = [];
  for (const char of folded) {
    const index = /^[1-9]$/.test(char) ? Number(char) - 1 : LETTERS.indexOf(char);
    if (index < 0 || index >= choiceCount) return null;
    letters.push(displayLetter(index));
  }
  return letters;
}
