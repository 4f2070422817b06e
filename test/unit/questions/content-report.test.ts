import { describe, expect, it } from 'vitest';
import { buildContentReport } from '../../../src/adapters/questions/content-report.js';
import type { Content, LoadedQuestion } from '../../../src/adapters/questions/load-content.js';

const DOMAINS = [
  { id: 'one', section: 1, name: { ja: '一', en: 'One' }, weight: 50 },
  { id: 'two', section: 2, name: { ja: '二', en: 'Two' }, weight: 50 },
];

/** A bank of `n` questions that passes every rule unless `shape` changes them. */
function bank(n: number, shape: (q: LoadedQuestion, i: number) => LoadedQuestion = (q) => q): Content {
  const questions = Array.from({ length: n }, (_, i): LoadedQuestion => {
    const stem = `Scenario ${i}: ${'a team with a budget and a deadline weighs its options carefully. '.repeat(6)}`;
    const q: LoadedQuestion = {
      id: `q-${i}`,
      file: 'questions/1.yaml',
      domain: i % 2 === 0 ? 'one' : 'two',
      difficulty: 'medium',
      style: 'scenario',
      tags: i % 4 === 0 ? ['generative-ai'] : [],
      services: [],
      sources: ['https://cloud.google.com/docs'],
      // Every fifth question is "choose two", and its stem says so in both languages.
      stem:
        i % 5 === 0
          ? { ja: `シナリオ ${i}。2 つ選択してください。`, en: `${stem} Choose two.` }
          : { ja: `シナリオ ${i}`, en: stem },
      choices: (['A', 'B', 'C', 'D'] as const).map((key) => ({
        key,
        text: { ja: `選択肢${key}${i}`, en: `Option ${key} number ${i}` },
        why: { ja: '理由', en: 'Why' },
      })),
      answer: i % 5 === 0 ? ['A', 'C'] : (['A', 'B', 'C', 'D'][i % 4] ?? 'A'),
      explanation: { ja: '解説', en: 'Explanation' },
    };
    return shape(q, i);
  });
  return { domains: DOMAINS, questions, services: [], seedFacts: [] };
}

describe('the bank report', () => {
  it('passes a bank that keeps every rule, and gives the figures', () => {
    const report = buildContentReport(bank(240));
    expect(report.problems).toEqual([]);
    expect(report.multipleSelectShare).toBeCloseTo(0.2);
    expect(report.generativeAiShare).toBeCloseTo(0.25);
    expect(report.medianScenarioStem.en).toBeGreaterThanOrEqual(300);
  });

  it('fails a bank whose right choices stand out by length in Japanese only', () => {
    const report = buildContentReport(
      bank(240, (q) => {
        if (typeof q.answer !== 'string') return q;
        const key = q.answer;
        return {
          ...q,
          choices: q.choices.map((c) =>
            c.key === key ? { ...c, text: { ...c.text, ja: `${c.text.ja}を使う` } } : c,
          ),
        };
      }),
    );
    expect(
      report.problems.some((p) => p.startsWith('ja: the right choice is strictly the longest in 100%')),
    ).toBe(true);
    expect(report.problems.some((p) => p.startsWith('en: the right choice is strictly the longest'))).toBe(
      false,
    );
  });

  it('fails a bank too small, off the guide weights, short of multiple select and generative AI', () => {
    const report = buildContentReport(
      bank(100, (q, i) => ({ ...q, domain: i < 80 ? 'one' : 'two', answer: 'A', tags: [] })),
    );
    expect(report.problems).toEqual(
      expect.arrayContaining([
        'the bank has 100 questions; it needs at least 230',
        'section 1 (one) is 80% of the bank; the guide weighs it 50% (±3 points)',
        '0% of questions are multiple select (at least 15%)',
        '0% of questions are tagged generative-ai (at least 20%)',
      ]),
    );
  });

  it('fails short scenario stems and a rewrite that leaves the question it replaces', () => {
    const report = buildContentReport(
      bank(240, (q, i) => ({
        ...q,
        stem: { ...q.stem, en: `Short stem ${i}?` },
        ...(i === 1 ? { replaces: 'q-2' } : {}),
      })),
    );
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^the median English scenario stem is \d+ characters \(at least 300\)$/),
        'questions/1.yaml: id "q-1": replaces "q-2", which is still in the bank',
      ]),
    );
  });
});

describe('the checks a guesser cannot pass, phased by rewritten section', () => {
  /** Choice lengths that rotate, so the right option is longest, shortest or between as chance has it. */
  const passing = (q: LoadedQuestion, i: number): LoadedQuestion => ({
    ...q,
    stem: {
      ...q.stem,
      en: `${q.stem.en} The team reviews its options against the budget again.`,
    },
    choices: q.choices.map((c, j) => {
      const rank = (j + Math.floor(i / 4)) % 4;
      return { ...c, text: { ja: `選択肢${'あ'.repeat(rank)}${i}`, en: `Option ${'x'.repeat(rank)} ${i}` } };
    }),
  });

  it('reports them for the whole bank without failing it while no section is rewritten', () => {
    const report = buildContentReport(bank(240));
    expect(report.problems).toEqual([]);
    expect(report.guesserChecks.rewrittenSections).toEqual([]);
    expect(report.guesserChecks.bank.languages.en).toMatchObject({
      longestIsRightShare: 0,
      shortestIsRightShare: 0,
    });
    expect(report.guesserChecks.bank.scenarioStems.medianWords).toBe(74);
  });

  it("fails the rewritten sections' questions, taken together, and only them", () => {
    const wide = (q: LoadedQuestion, i: number): LoadedQuestion =>
      i === 1 // in section "two"
        ? {
            ...q,
            choices: q.choices.map((c, j) =>
              j === 0 ? { ...c, text: { ...c.text, en: `${c.text.en} ${'y'.repeat(40)}` } } : c,
            ),
          }
        : q;
    const onlyOne = buildContentReport(
      bank(240, (q, i) => wide(passing(q, i), i)),
      {
        rewrittenSections: ['one'],
      },
    );
    expect(onlyOne.problems).toEqual([]);
    expect(onlyOne.guesserChecks.bank.languages.en.wideSpreadIds).toEqual(['q-1']);

    const both = buildContentReport(
      bank(240, (q, i) => wide(passing(q, i), i)),
      {
        rewrittenSections: ['one', 'two'],
      },
    );
    expect(both.problems).toEqual([
      'rewritten sections (one, two), en: the longest option is more than 2× the shortest in q-1',
    ]);
  });

  it("fails a rewritten section's Japanese text that writes a product's English name", () => {
    const content = bank(240, (q, i) =>
      passing(i === 2 ? { ...q, stem: { ...q.stem, ja: `${q.stem.ja} Vector Search を使います。` } } : q, i),
    );
    content.services = [
      {
        id: 'vector-search',
        name: 'Vector Search',
        formerNames: [],
        aliases: [],
        ja: { name: 'ベクトル検索' },
      } as unknown as Content['services'][number],
    ];
    expect(buildContentReport(content).guesserChecks.bank.jaProductTerms).toEqual([
      { id: 'q-2', name: 'Vector Search', ja: 'ベクトル検索' },
    ]);
    expect(buildContentReport(content, { rewrittenSections: ['one'] }).problems).toEqual([
      'rewritten sections (one): id "q-2": the Japanese text writes "Vector Search"; the catalog\'s Japanese name is 「ベクトル検索」',
    ]);
  });

  it('names each rule a rewritten section breaks, with its threshold', () => {
    const report = buildContentReport(bank(240), { rewrittenSections: ['one'] });
    expect(report.guesserChecks.rewritten.questions).toBe(120);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        'rewritten sections (one), en: the right option is strictly the longest in 0% of single-answer questions (15%–35%)',
        'rewritten sections (one), ja: the right option is strictly the shortest in 0% of single-answer questions (15%–35%)',
        'rewritten sections (one): the median scenario stem is 74 English words (at least 75)',
      ]),
    );
  });
});
