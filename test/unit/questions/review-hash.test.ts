import { describe, expect, it } from 'vitest';
import type { LoadedQuestion } from '../../../src/adapters/questions/load-content.js';
import { reviewHash } from '../../../src/adapters/questions/review-hash.js';

const question: LoadedQuestion = {
  id: 's1-hash-sample',
  file: 'questions/1-low-code-ai.yaml',
  domain: 'low-code-ai',
  difficulty: 'medium',
  style: 'scenario',
  tags: ['bigquery-ml'],
  services: ['bigquery-ml'],
  sources: ['F2'],
  stem: { ja: '最小の工数でモデルを作るには？', en: 'How do you build a model with the least effort?' },
  choices: [
    {
      key: 'A',
      text: { ja: 'カスタム トレーニング', en: 'Custom training' },
      why: { ja: 'コード', en: 'Code' },
    },
    { key: 'B', text: { ja: 'BigQuery ML', en: 'BigQuery ML' }, why: { ja: 'SQL だけ', en: 'SQL only' } },
    { key: 'C', text: { ja: 'Dataflow', en: 'Dataflow' }, why: { ja: 'パイプライン', en: 'A pipeline' } },
  ],
  answer: 'B',
  explanation: { ja: 'SQL で完結します。', en: 'It stays in SQL.' },
};

type Edit = (q: LoadedQuestion) => LoadedQuestion;
const choice = (q: LoadedQuestion, i: number, edit: (c: LoadedQuestion['choices'][number]) => object) => ({
  ...q,
  choices: q.choices.map((c, j) => (j === i ? { ...c, ...edit(c) } : c)),
});

describe('the review hash', () => {
  it('is 12 hex characters and stable: the same question always gives the same hash', () => {
    expect(reviewHash(question)).toMatch(/^[0-9a-f]{12}$/);
    expect(reviewHash(structuredClone(question))).toBe(reviewHash(question));
    // Pinned: a change of format would make every review record in the repository stale at once.
    expect(reviewHash(question)).toBe('78c61fb444a3');
  });

  it.each<[string, Edit]>([
    ['the id', (q) => ({ ...q, id: 's1-hash-other' })],
    ['the English stem', (q) => ({ ...q, stem: { ...q.stem, en: `${q.stem.en} Today.` } })],
    ['the Japanese stem', (q) => ({ ...q, stem: { ...q.stem, ja: `${q.stem.ja}今日。` } })],
    ['a choice text in English', (q) => choice(q, 0, (c) => ({ text: { ...c.text, en: 'Custom jobs' } }))],
    ['a choice text in Japanese', (q) => choice(q, 2, (c) => ({ text: { ...c.text, ja: 'Dataflow で' } }))],
    ['a why in English', (q) => choice(q, 0, (c) => ({ why: { ...c.why, en: 'Needs code' } }))],
    ['a why in Japanese', (q) => choice(q, 1, (c) => ({ why: { ...c.why, ja: 'SQL のみ' } }))],
    ['a choice key', (q) => choice(q, 2, () => ({ key: 'D' }))],
    ['the order of the choices', (q) => ({ ...q, choices: [...q.choices].reverse() })],
    ['the answer', (q) => ({ ...q, answer: 'C' })],
    ['the answer turning into a set', (q) => ({ ...q, answer: ['B', 'C'] })],
    ['the English explanation', (q) => ({ ...q, explanation: { ...q.explanation, en: 'SQL only.' } })],
    ['the Japanese explanation', (q) => ({ ...q, explanation: { ...q.explanation, ja: 'SQL のみ。' } })],
  ])('changes when %s changes', (_, edit) => {
    expect(reviewHash(edit(question))).not.toBe(reviewHash(question));
  });

  it.each<[string, Edit]>([
    ['tags', (q) => ({ ...q, tags: ['generative-ai'] })],
    ['sources', (q) => ({ ...q, sources: ['F2', 'https://cloud.google.com/bigquery/docs'] })],
    ['services', (q) => ({ ...q, services: [] })],
    ['difficulty and style', (q) => ({ ...q, difficulty: 'hard', style: 'concept' })],
    ['the file and replaces', (q) => ({ ...q, file: 'questions/9.yaml', replaces: 's1-old' })],
  ])('does not change when %s change', (_, edit) => {
    expect(reviewHash(edit(question))).toBe(reviewHash(question));
  });

  it('reads a multiple-select answer as a set: the order the YAML lists its keys in does not matter', () => {
    expect(reviewHash({ ...question, answer: ['C', 'A'] })).toBe(
      reviewHash({ ...question, answer: ['A', 'C'] }),
    );
  });
});
