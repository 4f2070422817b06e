import { median, type RuledQuestion } from './item-shape.js';

/**
 * Scenario stems as long as the exam's: its scenarios run 60–120 English words. A short stem has no room
 * for the business facts (who, data, scale, deadline, budget, skills, compliance) that decide between
 * options which are all sound designs; a much longer one tests reading speed.
 */
export const SCENARIO_WORDS = { min: 60, max: 120 } as const;

export interface ScenarioStemWords {
  /** Scenario questions measured. */
  scenarios: number;
  inRange: number;
  median: number;
  /** Scenarios outside 60–120 words, with their count. */
  outside: { id: string; words: number }[];
}

/** Words as a reader counts them: runs between spaces holding a letter or digit ("Pub/Sub", "5", "k-means"). */
export function englishWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function scenarioStemWords(questions: readonly RuledQuestion[]): ScenarioStemWords {
  const scenarios = questions.filter((q) => q.style === 'scenario');
  const counts = scenarios.map((q) => ({ id: q.id, words: englishWords(q.stem.en) }));
  const outside = counts.filter((c) => c.words < SCENARIO_WORDS.min || c.words > SCENARIO_WORDS.max);
  return {
    scenarios: scenarios.length,
    inRange: scenarios.length - outside.length,
    median: median(counts.map((c) => c.words)),
    outside,
  };
}
