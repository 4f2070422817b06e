import { loadQuizContent } from '../../src/adapters/questions/quiz-content.js';

/** The terminal wraps long lines: compare with whitespace folded. */
export function fold(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The letters the console showed the right choices of its (first) question under, found by the bank's
 * English texts of those choices in the question bank at `dir`.
 */
export function rightLetters(stdout: string, dir: string): string[] {
  const out = fold(stdout);
  const question = loadQuizContent(dir)
    .bank.all()
    .find((q) => out.includes(fold(q.stem.en)));
  if (!question) throw new Error(`no question of the bank found in:\n${stdout}`);
  return question.choices
    .filter((c) => question.answer.includes(c.key))
    .map((c) => {
      const letter = new RegExp(`([A-E])\\. ${escapeRegExp(fold(c.text.en))}`).exec(out)?.[1];
      if (!letter) throw new Error(`right choice not shown in:\n${stdout}`);
      return letter;
    });
}

/** A letter of the question shown that is not one of `right`. */
export function wrongLetter(right: readonly string[]): string {
  return ['A', 'B', 'C', 'D'].find((l) => !right.includes(l)) ?? 'A';
}
