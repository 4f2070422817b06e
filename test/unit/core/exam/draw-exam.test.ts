import { describe, expect, it } from 'vitest';
import { loadQuizContent } from '../../../../src/adapters/questions/quiz-content.js';
import { drawExam } from '../../../../src/core/exam/draw-exam.js';
import { cappedSectionCounts, sectionCounts } from '../../../../src/core/exam/section-counts.js';
import { EXAM_FORMS, type ExamForm } from '../../../../src/core/model/exam.js';
import type { ExamDomain } from '../../../../src/core/model/model.js';
import { isExtra } from '../../../../src/core/model/question-tags.js';
import { seededRandom } from '../../../../src/core/model/random.js';
import { isMultiSelect } from '../../../../src/core/rounds/choices.js';
import { aQuestion } from '../../../support/builders.js';

const { bank } = loadQuizContent('questions');
const domains = bank.domains();
const weightSum = domains.reduce((s, d) => s + d.weight, 0);

const countBy = (ids: string[], key: (id: string) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(key(id), (counts.get(key(id)) ?? 0) + 1);
  return counts;
};

describe('section counts by largest remainder', () => {
  it.each([
    [
      'full',
      {
        'low-code-ai': 7,
        'data-and-models': 8,
        'scaling-prototypes': 10,
        'serving-and-scaling': 10,
        pipelines: 9,
        monitoring: 6,
      },
    ],
    [
      'half',
      {
        'low-code-ai': 3,
        'data-and-models': 4,
        'scaling-prototypes': 5,
        'serving-and-scaling': 5,
        pipelines: 5,
        monitoring: 3,
      },
    ],
    [
      'sprint',
      {
        'low-code-ai': 1,
        'data-and-models': 2,
        'scaling-prototypes': 2,
        'serving-and-scaling': 2,
        pipelines: 2,
        monitoring: 1,
      },
    ],
  ] as const)(
    '%s: the guide weights give these counts, each within one of its exact share',
    (form, expected) => {
      const total = EXAM_FORMS[form].questions;
      const counts = sectionCounts(domains, total);
      expect(Object.fromEntries(counts)).toEqual(expected);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(total);
      for (const d of domains)
        expect(Math.abs((counts.get(d.id) ?? 0) - (total * d.weight) / weightSum)).toBeLessThan(1);
    },
  );

  it('gives the leftover seats to the largest remainders, ties to the heavier section', () => {
    const three: ExamDomain[] = [
      { id: 'a', section: 1, name: { ja: 'a', en: 'a' }, weight: 10 },
      { id: 'b', section: 2, name: { ja: 'b', en: 'b' }, weight: 20 },
      { id: 'c', section: 3, name: { ja: 'c', en: 'c' }, weight: 10 },
    ];
    // Exact shares 1.25, 2.5, 1.25: floors 1, 2, 1 and the one seat left goes to b (remainder .5).
    expect(Object.fromEntries(sectionCounts(three, 5))).toEqual({ a: 1, b: 3, c: 1 });
    // Shares 0.75, 1.5, 0.75: floors 0, 1, 0; seats to a and c (.75) before b (.5).
    expect(Object.fromEntries(sectionCounts(three, 3))).toEqual({ a: 1, b: 1, c: 1 });
  });
});

describe('drawing an exam from the real bank', () => {
  const draw = (
    form: ExamForm,
    seed: number,
    extra: { section?: string; avoid?: Set<string>; suspended?: Set<string> } = {},
  ) =>
    drawExam({
      form,
      ...(extra.section ? { section: extra.section } : {}),
      questions: bank.all(),
      domains,
      suspended: extra.suspended ?? new Set(),
      avoid: extra.avoid ?? new Set(),
      random: seededRandom(seed),
    });

  it.each(['full', 'half', 'sprint'] as const)(
    '%s: the section counts of the draw match the weights, every seed',
    (form) => {
      const expected = Object.fromEntries(sectionCounts(domains, EXAM_FORMS[form].questions));
      for (let seed = 1; seed <= 20; seed++) {
        const items = draw(form, seed);
        expect(items).toHaveLength(EXAM_FORMS[form].questions);
        expect(new Set(items.map((i) => i.questionId)).size).toBe(items.length);
        expect(
          Object.fromEntries(
            countBy(
              items.map((i) => i.questionId),
              (id) => bank.get(id)?.domain ?? '?',
            ),
          ),
        ).toEqual(expected);
      }
    },
  );

  it('section: all ten from the one section', () => {
    const items = draw('section', 3, { section: 'pipelines' });
    expect(items).toHaveLength(10);
    expect(new Set(items.map((i) => i.domain))).toEqual(new Set(['pipelines']));
  });

  it('never draws trivia, off-blueprint or suspended questions', () => {
    const suspended = new Set(
      bank
        .all()
        .filter((q) => !isExtra(q))
        .slice(0, 30)
        .map((q) => q.id),
    );
    for (let seed = 1; seed <= 10; seed++) {
      for (const item of draw('full', seed, { suspended })) {
        const q = bank.get(item.questionId);
        expect(q && isExtra(q)).toBe(false);
        expect(suspended.has(item.questionId)).toBe(false);
      }
    }
  });

  it("puts multiple-select questions in about the bank's share", () => {
    const eligible = bank.all().filter((q) => !isExtra(q));
    const share = eligible.filter(isMultiSelect).length / eligible.length;
    expect(share).toBeGreaterThan(0);
    let multi = 0;
    const seeds = 20;
    for (let seed = 1; seed <= seeds; seed++) {
      multi += draw('full', seed).filter((i) => i.answer.includes(',')).length;
    }
    // Per section rounding: within one question per section of the share of 50.
    expect(Math.abs(multi / seeds - 50 * share)).toBeLessThanOrEqual(domains.length / 2);
  });

  it('avoids recent questions while the bank allows, and uses them when it does not', () => {
    const pipelines = bank.all().filter((q) => q.domain === 'pipelines' && !isExtra(q));
    const avoidAllButFive = new Set(pipelines.slice(5).map((q) => q.id));
    const items = draw('section', 7, { section: 'pipelines', avoid: avoidAllButFive });
    expect(items).toHaveLength(10);
    const fresh = items.filter((i) => !avoidAllButFive.has(i.questionId));
    expect(fresh).toHaveLength(5);
    const avoidSome = new Set(
      bank
        .all()
        .filter((_, i) => i % 4 === 0)
        .map((q) => q.id),
    );
    expect(draw('full', 9, { avoid: avoidSome }).filter((i) => avoidSome.has(i.questionId))).toEqual([]);
  });

  it('freezes each question with its version, its shuffled choices and its answer', () => {
    const q = aQuestion({ id: 'only', answer: ['B', 'D'], domain: 'low-code-ai' });
    const [item] = drawExam({
      form: 'section',
      section: 'low-code-ai',
      questions: [q],
      domains,
      suspended: new Set(),
      avoid: new Set(),
      random: seededRandom(1),
    });
    expect(item).toMatchObject({ questionId: 'only', domain: 'low-code-ai', answer: 'B,D' });
    expect([...(item?.choiceOrder ?? [])].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(item?.version).toMatch(/^[0-9a-f]{10}$/);
  });
});

describe('a section with too few eligible questions', () => {
  const three: ExamDomain[] = [
    { id: 'a', section: 1, name: { ja: 'a', en: 'a' }, weight: 10 },
    { id: 'b', section: 2, name: { ja: 'b', en: 'b' }, weight: 20 },
    { id: 'c', section: 3, name: { ja: 'c', en: 'c' }, weight: 10 },
  ];
  const questions = (domain: string, n: number) =>
    Array.from({ length: n }, (_, i) => aQuestion({ id: `${domain}${i + 1}`, domain }));
  const drawFrom = (bankQuestions: ReturnType<typeof questions>, suspended = new Set<string>()) =>
    drawExam({
      form: 'sprint',
      questions: bankQuestions,
      domains: three,
      suspended,
      avoid: new Set(),
      random: seededRandom(5),
    });
  const domainCounts = (items: ReturnType<typeof drawExam>) =>
    Object.fromEntries(
      countBy(
        items.map((i) => i.questionId),
        (id) => id.replace(/\d+$/, ''),
      ),
    );

  it('gives its missing seats to the other sections by largest remainder, so the sprint still has 10', () => {
    // By weight a sprint is a 3, b 5, c 2 (shares 2.5, 5, 2.5; the tie on .5 to the earlier section). a has
    // one eligible question (two more suspended): its 2 missing seats are shared by b and c (20:10), shares
    // 1.33 and 0.67, floors 1 and 0, the seat left to c's larger remainder: b 6, c 3.
    const bankQuestions = [...questions('a', 3), ...questions('b', 10), ...questions('c', 10)];
    const items = drawFrom(bankQuestions, new Set(['a2', 'a3']));
    expect(items).toHaveLength(10);
    expect(domainCounts(items)).toEqual({ a: 1, b: 6, c: 3 });
    expect(new Set(items.map((i) => i.questionId)).size).toBe(10);
  });

  it('fills again when a section taking the shortfall runs short too, and is short only when the bank is', () => {
    // a has 1 and c has 3: a's 2 seats go b 1, c 1 (c then at its 3); nothing more is missing: a 1, b 6, c 3.
    expect(
      Object.fromEntries(
        cappedSectionCounts(
          three,
          10,
          new Map([
            ['a', 1],
            ['b', 10],
            ['c', 3],
          ]),
        ),
      ),
    ).toEqual({ a: 1, b: 6, c: 3 });
    // b has 1: its 4 missing seats go a 2, c 2 (10:10), which puts c one past its 3; that seat goes to a.
    expect(
      Object.fromEntries(
        cappedSectionCounts(
          three,
          10,
          new Map([
            ['a', 10],
            ['b', 1],
            ['c', 3],
          ]),
        ),
      ),
    ).toEqual({ a: 6, b: 1, c: 3 });
    // Five eligible questions in all: all five, no more.
    expect(drawFrom([...questions('a', 1), ...questions('b', 2), ...questions('c', 2)])).toHaveLength(5);
  });
});
