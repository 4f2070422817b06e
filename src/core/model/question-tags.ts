import type { Question } from './model.js';

/** Tag of questions about generative AI (the bank's check counts them). */
export const GENERATIVE_AI_TAG = 'generative-ai';

/**
 * Tags of questions kept for practice and review but left out of daily rounds unless the channel asks
 * for extras (`/quiz schedule extras on`): product-history trivia, and general statistics that the exam
 * guide does not cover. A daily round should practise what the exam asks.
 */
export const EXTRA_TAGS: readonly string[] = ['trivia', 'off-blueprint'];

export function isExtra(question: Pick<Question, 'tags'>): boolean {
  return question.tags.some((tag) => EXTRA_TAGS.includes(tag));
}
