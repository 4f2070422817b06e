import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { z } from 'zod';
import type { Content, LoadedQuestion } from './load-content.js';
import { REVIEW_HASH_LENGTH } from './review-hash.js';
import { answerKeysOf } from './schema.js';

/**
 * Review records: `questions/reviews/<domain id>.yaml`, one record per question, in the format agreed in
 * `questions/reviews/README.md` (its field names are the writers' and reviewers' contract). This module reads
 * and validates them; `review-report.ts` enforces them and computes the figures.
 */
export const REVIEWS_DIR = 'reviews';
/**
 * Records of a section whose review is still going on (some questions fail and are being rewritten): read,
 * checked and reported like the others, but the section is not enforced until its file moves up to
 * `reviews/`. This lets a section's rewrite land review by review without a failing build.
 */
export const IN_REVIEW_DIR = 'in-review';

const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be text') })
  .trim()
  .min(1, 'must not be empty');
const choiceKey = z.enum(['A', 'B', 'C', 'D', 'E'], { error: 'must be a choice key, A to E' });
const verdict = z.enum(['agree', 'disagree'], { error: 'must be agree or disagree' });
const examLikeness = z
  .number({ error: 'must be a whole number from 1 to 5' })
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be a whole number from 1 to 5')
  .max(5, 'must be a whole number from 1 to 5');

const blindPassSchema = z.strictObject({
  /** Options ruled out from the wording alone, each with the reason; `[]` when none. */
  ruled_out: z.array(z.strictObject({ key: choiceKey, reason: text }), {
    error: 'must be a list ([] when none)',
  }),
  /** What the blind reader would pick: a key, or a list for multiple select. */
  pick: z.union([choiceKey, z.array(choiceKey).min(2, 'lists 2 or 3 keys').max(3, 'lists 2 or 3 keys')], {
    error: 'must be a choice key, or a list of 2 or 3 for multiple select',
  }),
});

export const reviewRecordSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens'),
  hash: z
    .string({ error: 'must be the 12-character hash `npm run questions:blind` prints' })
    .regex(
      new RegExp(`^[0-9a-f]{${REVIEW_HASH_LENGTH}}$`),
      'must be the 12-character hash `npm run questions:blind` prints',
    ),
  writer: text,
  reviewer: text,
  date: z.iso.date('must be a date, YYYY-MM-DD'),
  outcome: z.enum(['rewritten', 'confirmed', 'new'], { error: 'must be rewritten, confirmed or new' }),
  blind: blindPassSchema,
  expert: z.strictObject({
    key: verdict,
    why_facts: z.boolean({ error: 'must be true or false' }),
    parity: z.boolean({ error: 'must be true or false' }),
    cues: z.array(text, { error: 'must be a list ([] when none)' }),
    exam_likeness: examLikeness,
    notes: text,
  }),
  /** An independent second review (a random 10 % of the bank). */
  second: z
    .strictObject({
      reviewer: text,
      blind: blindPassSchema,
      expert: z.strictObject({ key: verdict, exam_likeness: examLikeness }),
    })
    .optional(),
});

export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

export interface LoadedReview extends ReviewRecord {
  /** Path shown in messages, e.g. `questions/reviews/low-code-ai.yaml`. */
  file: string;
}

export interface ReviewFile {
  domain: string;
  file: string;
  /** False for a file under `reviews/in-review/`: reported, not enforced. */
  enforced: boolean;
  records: LoadedReview[];
  /** The file is not YAML or not a list: its problem is reported, its questions are not checked one by one. */
  unreadable: boolean;
}

export interface LoadedReviews {
  /** One per section under review enforcement (its file exists), valid records only. */
  files: ReviewFile[];
  /** Ids whose record is malformed: reported once, not again as "no record". */
  malformed: Set<string>;
  problems: string[];
  /** Orphan or misfiled records of in-review files: to fix before enforcement, not failures yet. */
  open: string[];
}

/**
 * Reads `<dir>/reviews/*.yaml` (enforced) and `<dir>/reviews/in-review/*.yaml` (reported only) against the
 * loaded bank. A missing folder means no section is reviewed yet.
 */
export function loadReviews(dir: string, content: Content): LoadedReviews {
  const folder = path.join(dir, REVIEWS_DIR);
  const result: LoadedReviews = { files: [], malformed: new Set(), problems: [], open: [] };
  if (!existsSync(folder)) return result;
  const byId = new Map(content.questions.map((q) => [q.id, q]));
  const domainIds = content.domains.map((d) => d.id);
  const seen = new Map<string, string>();
  const shown = (file: string): string => path.join(path.basename(dir), REVIEWS_DIR, file);
  const inReview = path.join(folder, IN_REVIEW_DIR);
  const listed = (where: string, prefix: string, enforced: boolean) =>
    existsSync(where)
      ? readdirSync(where)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((name) => ({ name, full: path.join(where, name), file: shown(prefix + name), enforced }))
      : [];
  const entries = [...listed(folder, '', true), ...listed(inReview, `${IN_REVIEW_DIR}/`, false)];
  const enforcedDomains = new Set(entries.filter((e) => e.enforced).map((e) => e.name));

  for (const { name, full, file, enforced } of entries) {
    const domain = name.replace(/\.ya?ml$/, '');
    if (!enforced && enforcedDomains.has(name)) {
      result.problems.push(
        `${file}: section ${domain} is already enforced (${shown(name)}): one review file per section`,
      );
      continue;
    }
    if (!domainIds.includes(domain)) {
      result.problems.push(
        `${file}: not a section's review file (name it after one of: ${domainIds.join(', ')})`,
      );
      continue;
    }
    const data = readRecords(full, file, result.problems);
    const reviewFile: ReviewFile = { domain, file, enforced, records: [], unreadable: data === undefined };
    result.files.push(reviewFile);
    if (data === undefined) continue;
    data.forEach((raw, index) => {
      const id = idOf(raw) ?? `#${index + 1}`;
      const at = (message: string, field?: string): string =>
        `${file}: id "${id}": ${field ? `field ${field}: ` : ''}${message}`;
      const parsed = reviewRecordSchema.safeParse(raw);
      if (!parsed.success) {
        result.malformed.add(id);
        for (const issue of parsed.error.issues) {
          result.problems.push(at(issue.message, issue.path.length > 0 ? issue.path.join('.') : undefined));
        }
        return;
      }
      const record = parsed.data;
      const first = seen.get(record.id);
      if (first) {
        result.problems.push(at(`duplicate record (also in ${first}): one question, one record`));
        return;
      }
      seen.set(record.id, file);
      const question = byId.get(record.id);
      const gaps = enforced ? result.problems : result.open;
      if (!question) {
        const successor = content.questions.find((q) => q.replaces === record.id);
        gaps.push(
          at(
            `no question has this id${successor ? ` (replaced by "${successor.id}")` : ''}: delete the record, or fix its id`,
          ),
        );
        return;
      }
      if (question.domain !== domain) {
        gaps.push(
          at(
            `the question is in section ${question.domain}: its record belongs in ${shown(`${question.domain}.yaml`)}`,
          ),
        );
        return;
      }
      const mismatch = keyProblems(record, question);
      if (mismatch.length > 0) {
        result.malformed.add(record.id);
        result.problems.push(...mismatch.map(([field, message]) => at(message, field)));
        return;
      }
      reviewFile.records.push({ ...record, file });
    });
  }
  return result;
}

/** The keys a record names must be the question's, and a pick must have the size of its answer. */
function keyProblems(record: ReviewRecord, question: LoadedQuestion): [string, string][] {
  const keys = question.choices.map((c) => c.key);
  const size = answerKeysOf(question).length;
  const problems: [string, string][] = [];
  const passes = [
    ['blind', record.blind] as const,
    ...(record.second ? [['second.blind', record.second.blind] as const] : []),
  ];
  for (const [where, pass] of passes) {
    pass.ruled_out.forEach((r, i) => {
      if (!keys.includes(r.key))
        problems.push([`${where}.ruled_out.${i}.key`, `${r.key} is not a choice (${keys.join(', ')})`]);
    });
    const ruled = pass.ruled_out.map((r) => r.key);
    if (new Set(ruled).size !== ruled.length)
      problems.push([`${where}.ruled_out`, 'lists the same option twice']);
    const pick = typeof pass.pick === 'string' ? [pass.pick] : pass.pick;
    for (const key of pick) {
      if (!keys.includes(key))
        problems.push([`${where}.pick`, `${key} is not a choice (${keys.join(', ')})`]);
    }
    if (pick.length !== size) {
      problems.push([
        `${where}.pick`,
        `the question asks for ${size === 1 ? 'one key' : `${size} keys`}; the pick has ${pick.length}`,
      ]);
    }
  }
  return problems;
}

function readRecords(file: string, shown: string, problems: string[]): unknown[] | undefined {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const pos = error.linePos?.[0];
    problems.push(
      `${pos ? `${shown}:${pos.line}:${pos.col}` : shown}: YAML: ${error.message.split('\n')[0]}`,
    );
    return undefined;
  }
  // An empty file starts a section's review: every question of it is then enforced.
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) {
    problems.push(`${shown}: a review file is a YAML list of records`);
    return undefined;
  }
  return data;
}

function idOf(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string') return raw.id;
  return undefined;
}
