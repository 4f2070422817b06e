import { questionVersion } from '../learning/question-version.js';
import type { ExamForm, ExamItem } from '../model/exam.js';
import { EXAM_FORMS } from '../model/exam.js';
import type { ExamDomain, Question } from '../model/model.js';
import { isExtra } from '../model/question-tags.js';
import type { Random } from '../model/random.js';
import { answerValue, isMultiSelect, shuffledOrder } from '../rounds/choices.js';
import { cappedSectionCounts } from './section-counts.js';

export interface DrawInput {
  form: ExamForm;
  /** The one section of a `section` exam. */
  section?: string;
  questions: readonly Question[];
  domains: readonly ExamDomain[];
  /** Suspended in the scope: never drawn. */
  suspended: ReadonlySet<string>;
  /** The player's questions from their recent exams and last 30 days: drawn only when the bank runs short. */
  avoid: ReadonlySet<string>;
  random: Random;
}

/**
 * The questions of a new exam: each section's count by its weight (`sectionCounts`), or all from the one
 * section; within a section, multiple-select questions in about their share of the eligible bank; never
 * trivia, off-blueprint or suspended questions; questions in `avoid` only when a section has too few others.
 * The order is shuffled across sections, as on the real exam, and each question's choices too.
 * A section with fewer eligible questions than its count gives the rest of its seats to the other sections
 * (`cappedSectionCounts`), so the exam keeps the form's length; it is shorter only when the whole bank (or, for
 * a `section` exam, the section) has too few.
 */
export function drawExam(input: DrawInput): ExamItem[] {
  const { random } = input;
  const eligible = input.questions.filter((q) => !isExtra(q) && !input.suspended.has(q.id));
  const wanted = EXAM_FORMS[input.form].questions;
  const available = new Map<string, number>();
  for (const q of eligible) available.set(q.domain, (available.get(q.domain) ?? 0) + 1);
  // A section short of eligible questions leaves its seats to the other sections (largest remainder again).
  const counts =
    input.form === 'section'
      ? new Map([[input.section ?? '', wanted]])
      : cappedSectionCounts(input.domains, wanted, available);
  const multiShare = eligible.length === 0 ? 0 : eligible.filter(isMultiSelect).length / eligible.length;

  const drawn: Question[] = [];
  for (const [domain, count] of counts) {
    const pool = eligible.filter((q) => q.domain === domain);
    const fresh = pool.filter((q) => !input.avoid.has(q.id));
    const stale = pool.filter((q) => input.avoid.has(q.id));
    // Fresh questions first, the multiple-select share kept among them as far as they allow; avoided ones
    // only for the seats still empty.
    const picked = byShare(fresh, count, Math.round(count * multiShare), random);
    const multiLeft = Math.max(0, Math.round(count * multiShare) - picked.filter(isMultiSelect).length);
    picked.push(...byShare(stale, count - picked.length, multiLeft, random));
    drawn.push(...picked);
  }
  return shuffled(drawn, random).map((q) => ({
    questionId: q.id,
    version: questionVersion(q),
    domain: q.domain,
    choiceOrder: shuffledOrder(
      q.choices.map((c) => c.key),
      random,
    ),
    answer: answerValue(q),
  }));
}

/**
 * `count` questions of `pool`: `multiTarget` multiple-select ones and the rest single-answer, each at random;
 * when one kind runs short, the other fills in.
 */
function byShare(pool: readonly Question[], count: number, multiTarget: number, random: Random): Question[] {
  if (count <= 0) return [];
  const multi = shuffled(pool.filter(isMultiSelect), random);
  const single = shuffled(
    pool.filter((q) => !isMultiSelect(q)),
    random,
  );
  const takeMulti = Math.min(multi.length, multiTarget, count);
  const takeSingle = Math.min(single.length, count - takeMulti);
  const picked = [...multi.slice(0, takeMulti), ...single.slice(0, takeSingle)];
  return [...picked, ...multi.slice(takeMulti, takeMulti + count - picked.length)];
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
