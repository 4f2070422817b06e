import { LRUCache } from 'lru-cache';
import type { Question } from '../model/model.js';
import type { ButtonView, Section } from '../ports/views.js';

/**
 * What the feedback on a right or wrong answer says that is the same on every click of one choice, in one
 * round's display order and one language: the answer lines, the explanations and the buttons. Only the
 * headline (points, streak) and the totals change from click to click. Parts are shared between clicks,
 * so nothing may change them (they are frozen); the same objects also let a renderer keep its output.
 */
export interface FeedbackParts {
  /** Lines before the totals: the right answer, and the person's own for a wrong one. */
  readonly before: readonly string[];
  /** Lines after the totals (the review hint of a wrong answer). */
  readonly after: readonly string[];
  readonly sections: readonly Section[];
  readonly buttons: readonly ButtonView[];
}

/**
 * Enough for every choice of the rounds being answered right now in both languages (5 choices x 2
 * languages per round), in many channels at once; a miss only costs building the parts again.
 */
const MAX_ENTRIES = 2000;

interface Entry {
  question: Question;
  parts: FeedbackParts;
}

const cache = new LRUCache<string, Entry>({ max: MAX_ENTRIES });

/**
 * The parts for this answer, built by `build` on the first click and kept. The key names the question by
 * id, and the entry is used only for the same question object, so a changed bank is never served old text.
 */
export function feedbackParts(
  question: Question,
  key: { locale: string; kind: string; choice: string; order: readonly string[] | undefined },
  build: () => FeedbackParts,
): FeedbackParts {
  const id = `${question.id}\u0000${key.locale}\u0000${key.kind}\u0000${key.choice}\u0000${key.order?.join(',') ?? ''}`;
  const hit = cache.get(id);
  if (hit?.question === question) return hit.parts;
  const built = build();
  const parts: FeedbackParts = Object.freeze({
    before: Object.freeze([...built.before]),
    after: Object.freeze([...built.after]),
    sections: Object.freeze(built.sections.map((s) => Object.freeze({ ...s }))),
    buttons: Object.freeze(built.buttons.map((b) => Object.freeze({ ...b }))),
  });
  cache.set(id, { question, parts });
  return parts;
}
