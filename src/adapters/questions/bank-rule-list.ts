import { MUCH_LONGER_RATIO, SPREAD_RATIO } from './bank-rules/choice-lengths.js';
import { SCENARIO_WORDS } from './bank-rules/scenario-stem-words.js';
import {
  DOMAIN_SHARE_TOLERANCE,
  MAX_LONGEST_IS_RIGHT,
  MAX_MUCH_LONGER,
  MAX_SHARE_PER_ANSWER_KEY,
  MAX_STEM_CUE_SHARE,
  MIN_GENERATIVE_AI_SHARE,
  MIN_MEDIAN_SCENARIO_STEM,
  MIN_MULTIPLE_SELECT_SHARE,
  MIN_QUESTIONS,
  MIN_SCENARIO_SHARE,
  pct,
} from './content-report.js';
import {
  LONGEST_IS_RIGHT_BAND,
  MAX_KEYS_ALL_LONGEST,
  MIN_MEDIAN_SCENARIO_WORDS,
  MIN_SCENARIO_IN_RANGE,
  SHORTEST_IS_RIGHT_BAND,
} from './guesser-checks.js';

/**
 * The bank-wide rules `npm run questions:check` enforces, in words, built from the thresholds the check
 * uses: README.md lists them (written by `npm run readme:example`), so the list cannot drift from the code.
 */
export function bankRuleList(): string {
  const band = (b: { min: number; max: number }): string => `${pct(b.min)}–${pct(b.max)}`;
  return [
    '`questions:check` also enforces the bank-wide rules (why each threshold: `docs/content-guide.md`):',
    '',
    `- at least ${MIN_QUESTIONS} questions, each exam section within ${DOMAIN_SHARE_TOLERANCE} points of its exam-guide weight;`,
    `- at least ${pct(MIN_MULTIPLE_SELECT_SHARE)} multiple select, whose stems say how many to pick in both languages (and single-answer stems ask for no count);`,
    `- at least ${pct(MIN_GENERATIVE_AI_SHARE)} generative-AI questions, each with a docs URL;`,
    `- at least ${pct(MIN_SCENARIO_SHARE)} scenarios, the median English scenario stem at least ${MIN_MEDIAN_SCENARIO_STEM} characters;`,
    `- no answer key right more than ${pct(MAX_SHARE_PER_ANSWER_KEY)} of the time;`,
    `- per language, the right option strictly the longest in at most ${pct(MAX_LONGEST_IS_RIGHT)} of single-answer questions, and ${MUCH_LONGER_RATIO}× the mean wrong option or longer in at most ${pct(MAX_MUCH_LONGER)};`,
    `- per language, stem cues (a distinctive word, compounds included, that the stem shares with a right option only) in at most ${pct(MAX_STEM_CUE_SHARE)} of questions;`,
    '- every product-like name in the catalog or the known lists; no "all/none of the above"; no repeated stem; no question beside the one it `replaces`;',
    '- every accurate or partial seed fact covered, and no unverified fact cited.',
    '',
    'For the questions of rewritten sections (those with a review file, `questions/reviews/<domain id>.yaml`), taken together, it also enforces these; for the whole bank it prints them beside their thresholds:',
    '',
    `- per language, the right option strictly the longest in ${band(LONGEST_IS_RIGHT_BAND)} and strictly the shortest in ${band(SHORTEST_IS_RIGHT_BAND)} of single-answer questions; the right options of a multiple-select question exactly its longest in at most ${pct(MAX_KEYS_ALL_LONGEST)}; no option more than ${SPREAD_RATIO}× another;`,
    `- scenario stems of ${SCENARIO_WORDS.min}–${SCENARIO_WORDS.max} English words in at least ${pct(MIN_SCENARIO_IN_RANGE)} of scenarios, the median at least ${MIN_MEDIAN_SCENARIO_WORDS} words;`,
    '- Japanese text names each product by the catalog\'s Japanese name (「ベクトル検索」, not "Vector Search").',
  ].join('\n');
}
