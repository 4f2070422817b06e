import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildContentReport, type ContentReport } from '../adapters/questions/content-report.js';
import { ContentError, loadContent } from '../adapters/questions/load-content.js';

/**
 * `npm run questions:check [-- --json] [-- --quiet] [-- --dir questions]`: validates the question bank
 * exactly as start-up does, applies the bank-wide quality rules and prints a report. Exits 1 on any problem.
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
  console.log(`Questions: ${report.questions}   Services: ${report.services}`);
  console.log('\nPer exam domain           count  share  guide weight');
  for (const d of report.perDomain) {
    console.log(
      `  ${`${d.section}. ${d.id}`.padEnd(24)}${String(d.count).padStart(5)}  ${pct(d.count, report.questions).padStart(5)}  ${String(d.weight).padStart(5)}%`,
    );
  }
  console.log(
    `\nPer difficulty: ${Object.entries(report.perDifficulty)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `Per style: ${Object.entries(report.perStyle)
      .map(([k, v]) => `${k} ${v} (${pct(v, report.questions)})`)
      .join(', ')}`,
  );
  console.log(
    `Right answer key: ${Object.entries(report.answerKeys)
      .sort()
      .map(([k, v]) => `${k} ${pct(v, report.questions)}`)
      .join(', ')}`,
  );
  console.log(`Right choice is the longest: ${pct(report.longestIsRight, report.questions)}`);
  console.log(
    `Seed facts covered: ${report.seedFacts.covered.length} (${report.seedFacts.covered.join(' ')})`,
  );
  if (report.seedFacts.uncovered.length > 0)
    console.log(`Accurate/partial facts not covered: ${report.seedFacts.uncovered.join(' ')}`);
}

try {
  const content = loadContent(path.resolve(values.dir));
  const report = buildContentReport(content);
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else if (!values.quiet) printReport(report);
  if (report.problems.length > 0) {
    console.error(`\nquestions:check found ${report.problems.length} problem(s):`);
    for (const p of report.problems) console.error(`  - ${p}`);
    process.exitCode = 1;
  } else if (!values.json && !values.quiet) {
    console.log('\nAll checks passed.');
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
