import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReviewReport } from '../../src/adapters/questions/review-report.js';
import type { RunResult } from '../support/run-entry-point.js';
import { ROOT } from '../support/run-entry-point.js';
import { runTool } from '../support/run-tool.js';

const FIXTURES = path.join(ROOT, 'test/fixtures');
const made: string[] = [];

/** The review fixture bank with the malformed review files of `broken-reviews/` dropped over its own. */
function brokenBank(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'reviews-')), 'questions');
  made.push(path.dirname(dir));
  cpSync(path.join(FIXTURES, 'bank-reviews'), dir, { recursive: true });
  cpSync(path.join(FIXTURES, 'broken-reviews'), path.join(dir, 'reviews'), { recursive: true });
  return dir;
}

/** The review fixture bank with its section's records moved to `reviews/in-review/`: reported, not enforced. */
function inReviewBank(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'reviews-')), 'questions');
  made.push(path.dirname(dir));
  cpSync(path.join(FIXTURES, 'bank-reviews'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'reviews/in-review'));
  renameSync(
    path.join(dir, 'reviews/low-code-ai.yaml'),
    path.join(dir, 'reviews/in-review/low-code-ai.yaml'),
  );
  return dir;
}

interface CheckJson {
  problems: string[];
  reviews: ReviewReport;
}

// Every run goes through the real entry point, as `npm run questions:check` does; they start together.
const runs = {
  json: runTool('questions-check', ['--dir', path.join(FIXTURES, 'bank-reviews'), '--json']),
  text: runTool('questions-check', ['--dir', path.join(FIXTURES, 'bank-reviews')]),
  broken: runTool('questions-check', ['--dir', brokenBank(), '--json']),
  realBank: runTool('questions-check', ['--json']),
  inReview: runTool('questions-check', ['--dir', inReviewBank(), '--json']),
};

async function json(run: Promise<RunResult>): Promise<CheckJson & { code: number | null }> {
  const result = await run;
  return { ...(JSON.parse(result.stdout) as CheckJson), code: result.code };
}

afterAll(async () => {
  await Promise.all(Object.values(runs));
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FILE = 'bank-reviews/1-low-code-ai.yaml';

describe('npm run questions:check on a section under review', () => {
  it('fails a stale hash, a failing blind pass, a self-review, a missing record and an orphan record', async () => {
    const { problems, code } = await json(runs.json);
    expect(code).toBe(1);
    expect(problems).toEqual(
      expect.arrayContaining([
        `${FILE}: id "s1-review-stale": review is older than the question: re-review (record hash 0123456789ab, current 809a0181ca43)`,
        `${FILE}: id "s1-review-blind-fail": review does not pass: 2 wrong options ruled out in the blind pass (B, C; at most 1)`,
        `${FILE}: id "s1-review-self": review does not pass: writer and reviewer are the same ("writer-1"); a question is never reviewed by its writer`,
        `${FILE}: id "s1-review-missing": no review record (section low-code-ai is under review: bank-reviews/reviews/low-code-ai.yaml)`,
        'bank-reviews/reviews/low-code-ai.yaml: id "s1-review-gone": no question has this id: delete the record, or fix its id',
      ]),
    );
    // The fixture questions are short: the length rules of a rewritten section fail them too, not counted here.
    expect(problems.filter((p) => /reviews?\b/.test(p) && !p.startsWith('rewritten sections'))).toHaveLength(
      5,
    );
  });

  it('passes a current, passing record, single answer or multiple select', async () => {
    const { problems } = await json(runs.json);
    expect(problems.filter((p) => p.includes('"s1-review-pass"') || p.includes('"s1-review-multi"'))).toEqual(
      [],
    );
  });

  it('reports the section figures, and a section without a file as not yet reviewed', async () => {
    const { reviews } = await json(runs.json);
    const figures = {
      questions: 6,
      reviewed: 4,
      stale: 1,
      passing: 2,
      outcomes: { rewritten: 1, confirmed: 2, new: 1 },
      meanRuledOut: 0.75,
      twoOrMoreRuledOutShare: 0.25,
      blindPickAccuracy: 0.5,
      meanExamLikeness: 4.25,
      secondReviews: 2,
      disagreements: 1,
      disagreementRate: 0.5,
    };
    expect(reviews.sections).toEqual([
      {
        id: 'low-code-ai',
        section: 1,
        file: 'bank-reviews/reviews/low-code-ai.yaml',
        ...figures,
        blindPickChance: expect.closeTo((1 / 3 + 1 / 6 + 1 / 3 + 1 / 2) / 4, 6),
        // After the blind pass: 1 of 2 left, 1 of C(4, 2) sets, the one option left, and 0 where the reader
        // ruled out the key itself.
        wordingGuessAccuracy: expect.closeTo((1 / 2 + 1 / 6 + 1 + 0) / 4, 6),
      },
    ]);
    expect(reviews.total).toMatchObject(figures);
    expect(reviews.notYetReviewed).toEqual([{ id: 'monitoring', section: 6, questions: 2 }]);
  });

  it('prints the figures and each failure as text', async () => {
    const { stdout, stderr, code } = await runs.text;
    expect(code).toBe(1);
    expect(stdout).toContain('  1. low-code-ai: 4 of 6 reviewed at their current hash (1 stale), 2 pass\n');
    expect(stdout).toContain(
      '     blind pass: 0.75 wrong options ruled out per question, 25% with 2 or more; blind pick right 50% (chance 33%; a guesser who drops the ruled-out options 42%)\n',
    );
    expect(stdout).toContain('     second reviews 2, disagreement 50%\n');
    expect(stdout).toContain('  6. monitoring: not yet reviewed: 2 questions\n');
    expect(stderr).toContain(
      `  - ${FILE}: id "s1-review-stale": review is older than the question: re-review`,
    );
  });

  it('names the file, id and field of a malformed record, a duplicate, a wrong section and a stray file', async () => {
    const { problems, code } = await json(runs.broken);
    expect(code).toBe(1);
    const at = 'questions/reviews/low-code-ai.yaml: id';
    expect(problems).toEqual(
      expect.arrayContaining([
        "questions/reviews/astrology.yaml: not a section's review file (name it after one of: low-code-ai, monitoring)",
        `${at} "s1-review-pass": field date: must be a date, YYYY-MM-DD`,
        `${at} "s1-review-pass": field blind.pick: must be a choice key, or a list of 2 or 3 for multiple select`,
        `${at} "s1-review-pass": field expert.exam_likeness: must be a whole number from 1 to 5`,
        `${at} "s1-review-pass": field expert.notes: is missing`,
        `${at} "s1-review-multi": duplicate record (also in questions/reviews/low-code-ai.yaml): one question, one record`,
        `${at} "s1-review-stale": field blind.ruled_out.0.key: D is not a choice (A, B)`,
        `${at} "s1-review-stale": field blind.pick: the question asks for one key; the pick has 2`,
        'questions/reviews/monitoring.yaml: id "s1-review-missing": the question is in section low-code-ai: its record belongs in questions/reviews/low-code-ai.yaml',
      ]),
    );
    // A malformed record is reported once, not again as a missing one.
    expect(problems.filter((p) => p.includes('"s1-review-pass"'))).toHaveLength(4);
  });
});

describe('npm run questions:check on a section still in review (reviews/in-review/)', () => {
  it('reports its figures and lists what is open, without failing', async () => {
    const { reviews, problems } = await json(runs.inReview);
    // The fixture bank is too small for the bank-wide rules; no review problem may fail it.
    expect(problems.filter((p) => p.includes('review'))).toEqual([]);
    expect(reviews.sections).toEqual([]);
    expect(reviews.inReview.map((s) => [s.id, s.file])).toEqual([
      ['low-code-ai', 'questions/reviews/in-review/low-code-ai.yaml'],
    ]);
    expect(reviews.open).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"s1-review-stale": review is older than the question/),
        expect.stringMatching(/"s1-review-missing": no review record/),
        expect.stringMatching(/in-review\/low-code-ai.yaml: id "s1-review-gone": no question has this id/),
      ]),
    );
  });
});

describe('npm run questions:check on the real bank', () => {
  it('passes, and counts every section once: enforced, in review or not yet reviewed', async () => {
    const { reviews, problems, code } = await json(runs.realBank);
    expect(problems).toEqual([]);
    expect(code).toBe(0);
    const counted = [
      ...reviews.sections.map((s) => s.section),
      ...reviews.inReview.map((s) => s.section),
      ...reviews.notYetReviewed.map((s) => s.section),
    ].sort();
    expect(counted).toEqual([1, 2, 3, 4, 5, 6]);
    // An enforced section has a passing review of every question's current text.
    for (const s of reviews.sections) expect(s.passing, `section ${s.id}`).toBe(s.questions);
  });
});
