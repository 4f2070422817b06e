import path from 'node:path';
import { parseArgs } from 'node:util';
import { SPREAD_RATIO } from '../adapters/questions/bank-rules/choice-lengths.js';
import { rewrittenSections } from '../adapters/questions/bank-rules/rewritten-sections.js';
import { buildContentReport, type ContentReport } from '../adapters/questions/content-report.js';
import {
  type GuesserFigures,
  LONGEST_IS_RIGHT_BAND,
  MAX_KEYS_ALL_LONGEST,
  MIN_MEDIAN_SCENARIO_WORDS,
  MIN_SCENARIO_IN_RANGE,
  SHORTEST_IS_RIGHT_BAND,
} from '../adapters/questions/guesser-checks.js';
import { ContentError, loadContent } from '../adapters/questions/load-content.js';
import { loadReviews } from '../adapters/questions/review-records.js';
import {
  buildReviewReport,
  type ReviewFigures,
  type ReviewReport,
} from '../adapters/questions/review-report.js';
import { endOnClosedPipe } from '../app/end-on-closed-pipe.js';

endOnClosedPipe(process.stdout);

/**
 * `npm run questions:check [-- --json] [-- --quiet] [-- --dir questions]`: validates the question bank
 * exactly as start-up does, applies the bank-wide quality rules (content-report.ts), enforces the review
 * records of the sections under review (`questions/reviews/`, review-report.ts) and prints a report.
 * Exits 1 on any problem.
 */
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    dir: { type: 'string', default: 'questions' },
  },
});

function printReport(report: ContentReport): void {
  const pct = (n: number, of: number): string => `${of ? Math.round((100 * n) / of) : 0}%`;
  const share = (x: number): string => `${Math.round(x * 100)}%`;
  console.log(`Questions: ${report.questions}   Services: ${report.services}`);
  console.log('\nPer exam section          count  share  guide weight');
  for (const d of report.perDomain) {
    console.log(
      `  ${`${d.section}. ${d.id}`.padEnd(24)}${String(d.count).padStart(5)}  ${pct(d.count, report.questions).padStart(5)}  ${String(d.weight).padStart(5)}%`,
    );
  }
  const list = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  console.log(`\nPer difficulty: ${list(report.perDifficulty)}`);
  console.log(`Per style: ${list(report.perStyle)}`);
  console.log(`Right answer keys: ${list(Object.fromEntries(Object.entries(report.answerKeys).sort()))}`);
  console.log(
    `Multiple select: ${report.multipleSelect} (${share(report.multipleSelectShare)})   generative AI: ${report.generativeAi} (${share(report.generativeAiShare)})   ${Object.entries(
      report.extras,
    )
      .map(([tag, n]) => `${tag}: ${n}`)
      .join('   ')}`,
  );
  console.log(
    `Median scenario stem: ${report.medianScenarioStem.en} characters (en), ${report.medianScenarioStem.ja} (ja)`,
  );
  console.log('\nSingle-answer cues            ja     en');
  const row = (label: string, pick: (l: ContentReport['languages']['en']) => string): void =>
    console.log(
      `  ${label.padEnd(28)}${pick(report.languages.ja).padStart(5)}  ${pick(report.languages.en).padStart(5)}`,
    );
  row('right choice longest', (l) => share(l.longestIsRightShare));
  row('right choice shortest', (l) => share(l.shortestIsRightShare));
  row('right ≥ 1.5 × mean wrong', (l) => share(l.muchLongerShare));
  row('stem cue (all questions)', (l) => share(l.stemCueShare));
  console.log(`Names not in the catalog or known lists: ${report.unresolvedNames.length}`);
  console.log(
    `Seed facts covered: ${report.seedFacts.covered.length} (${report.seedFacts.covered.join(' ')})`,
  );
  if (report.seedFacts.uncovered.length > 0)
    console.log(`Accurate/partial facts not covered: ${report.seedFacts.uncovered.join(' ')}`);
  printGuesserChecks(report.guesserChecks);
}

/** The rules of issue #22: whole-bank figures beside their thresholds; they fail in rewritten sections. */
function printGuesserChecks(checks: ContentReport['guesserChecks']): void {
  const share = (x: number): string => `${Math.round(x * 100)}%`;
  const band = (b: { min: number; max: number }): string => `${share(b.min)}–${share(b.max)}`;
  const { rewrittenSections: sections } = checks;
  const populations: [string, GuesserFigures][] = [['bank', checks.bank]];
  if (sections.length > 0) populations.push(['rewritten', checks.rewritten]);
  console.log(
    `
Guesser checks (fail in rewritten sections: ${sections.length > 0 ? sections.join(', ') : 'none yet'})`,
  );
  const header = populations.flatMap(([name]) => [`${name} ja`, `${name} en`]);
  console.log(`  ${'rule'.padEnd(36)}${'threshold'.padEnd(12)}${header.map((h) => h.padStart(13)).join('')}`);
  const row = (
    label: string,
    threshold: string,
    pick: (l: GuesserFigures['languages']['en']) => string,
  ): void =>
    console.log(
      `  ${label.padEnd(36)}${threshold.padEnd(12)}${populations
        .flatMap(([, f]) => [pick(f.languages.ja), pick(f.languages.en)])
        .map((v) => v.padStart(13))
        .join('')}`,
    );
  row('right option strictly longest', band(LONGEST_IS_RIGHT_BAND), (l) => share(l.longestIsRightShare));
  row('right option strictly shortest', band(SHORTEST_IS_RIGHT_BAND), (l) => share(l.shortestIsRightShare));
  row('multiple select: keys the longest', `≤ ${share(MAX_KEYS_ALL_LONGEST)}`, (l) =>
    share(l.keysAllLongestShare),
  );
  row(`longest > ${SPREAD_RATIO}× shortest (questions)`, '0', (l) => String(l.wideSpreadIds.length));
  for (const [name, f] of populations) {
    const s = f.scenarioStems;
    console.log(
      `  ${name}: scenario stems of 60–120 English words ${share(s.inRangeShare)} (at least ${share(MIN_SCENARIO_IN_RANGE)}), median ${s.medianWords} words (at least ${MIN_MEDIAN_SCENARIO_WORDS}); ${s.outside.length} outside${name === 'bank' ? ' (ids: --json)' : `: ${s.outside.map((o) => `${o.id} (${o.words})`).join(', ')}`}`,
    );
    console.log(
      `  ${name}: English product names in Japanese text: ${f.jaProductTerms.length}${f.jaProductTerms.length > 0 ? ` (${f.jaProductTerms.map((t) => `${t.id}: ${t.name} → ${t.ja}`).join('; ')})` : ''}`,
    );
  }
  for (const [name, f] of populations) {
    for (const locale of ['ja', 'en'] as const) {
      const ids = f.languages[locale].wideSpreadIds;
      if (ids.length > 0)
        console.log(`  ${name} ${locale}: longest > ${SPREAD_RATIO}× shortest: ${ids.join(', ')}`);
    }
  }
}

function printReviews(reviews: ReviewReport): void {
  const share = (x: number): string => `${Math.round(x * 100)}%`;
  const print = (label: string, f: ReviewFigures): void => {
    console.log(
      `  ${label}: ${f.reviewed} of ${f.questions} reviewed at their current hash (${f.stale} stale), ${f.passing} pass`,
    );
    if (f.reviewed === 0) return;
    console.log(
      `     rewritten ${f.outcomes.rewritten}, confirmed ${f.outcomes.confirmed}, new ${f.outcomes.new}; exam-likeness ${f.meanExamLikeness.toFixed(1)}`,
    );
    console.log(
      `     blind pass: ${f.meanRuledOut.toFixed(2)} wrong options ruled out per question, ${share(f.twoOrMoreRuledOutShare)} with 2 or more; blind pick right ${share(f.blindPickAccuracy)} (chance ${share(f.blindPickChance)}; a guesser who drops the ruled-out options ${share(f.wordingGuessAccuracy)})`,
    );
    console.log(`     second reviews ${f.secondReviews}, disagreement ${share(f.disagreementRate)}`);
  };
  console.log('\nQuestion reviews (questions/reviews/<section>.yaml)');
  for (const s of reviews.sections) print(`${s.section}. ${s.id}`, s);
  if (reviews.sections.length > 0) print('total of the sections under review', reviews.total);
  else console.log('  no section is under review yet');
  for (const s of reviews.inReview)
    print(`${s.section}. ${s.id} (in review, not enforced yet: ${s.file})`, s);
  if (reviews.open.length > 0) {
    const shown = 20;
    console.log(`  open in the sections in review (${reviews.open.length}):`);
    for (const line of reviews.open.slice(0, shown)) console.log(`    ${line}`);
    if (reviews.open.length > shown)
      console.log(`    ... ${reviews.open.length - shown} more (--json: reviews.open)`);
  }
  for (const s of reviews.notYetReviewed) {
    console.log(`  ${s.section}. ${s.id}: not yet reviewed: ${s.questions} questions`);
  }
}

try {
  const dir = path.resolve(values.dir);
  const content = loadContent(dir);
  const report = buildContentReport(content, {
    rewrittenSections: rewrittenSections(
      dir,
      content.domains.map((d) => d.id),
    ),
  });
  const reviews = buildReviewReport(content, loadReviews(dir, content));
  const problems = [...report.problems, ...reviews.problems];
  if (values.json) console.log(JSON.stringify({ ...report, reviews, problems }, null, 2));
  else if (!values.quiet) {
    printReport(report);
    printReviews(reviews);
  }
  if (problems.length > 0) {
    console.error(`\nquestions:check found ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exitCode = 1;
  } else if (!values.json && !values.quiet) {
    console.log('\nAll checks passed.');
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
