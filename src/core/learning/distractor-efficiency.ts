/**
 * Distractor efficiency from real answers: a wrong option that almost nobody picks does no work, so the
 * question is easier than its option count says (a non-functional distractor, in Haladyna and Downing's
 * sense: chosen by fewer than 5 % of examinees). Judged per question version, once enough first answers
 * make the share meaningful.
 *
 * A pure rule (counts in, weak keys out), shared by `npm run questions:stats` and the admin view
 * `/quiz question <id>`.
 */
export const MIN_FIRST_ANSWERS_FOR_DISTRACTORS = 30;
export const WEAK_DISTRACTOR_SHARE = 0.05;

export interface OptionCounts {
  /** First answers to this version. */
  answered: number;
  /** Picks per choice key (a multiple-select answer counts each key it picked). */
  options: Readonly<Record<string, number>>;
}

export interface ChoiceKeys {
  /** Every choice key of the version, in bank order. */
  choiceKeys: readonly string[];
  rightKeys: readonly string[];
}

/** The wrong keys picked by fewer than 5 % of at least 30 first answers, in bank order; [] under 30. */
export function weakDistractors(counts: OptionCounts, question: ChoiceKeys): string[] {
  if (counts.answered < MIN_FIRST_ANSWERS_FOR_DISTRACTORS) return [];
  return question.choiceKeys.filter(
    (key) =>
      !question.rightKeys.includes(key) &&
      (counts.options[key] ?? 0) < WEAK_DISTRACTOR_SHARE * counts.answered,
  );
}
