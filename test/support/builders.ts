import { FuseServiceCatalog } from '../../src/adapters/questions/fuse-service-catalog.js';
import { InMemoryQuestionBank } from '../../src/adapters/questions/in-memory-question-bank.js';
import type { ExamDomain, Question } from '../../src/core/model/model.js';
import type { ServiceEntry } from '../../src/core/ports/service-catalog.js';

/** Test data builders: valid defaults, override what the test is about. */

export const DOMAINS: ExamDomain[] = [
  { id: 'low-code-ai', section: 1, name: { ja: 'ローコード', en: 'Low-code' }, weight: 13 },
  { id: 'monitoring', section: 6, name: { ja: 'モニタリング', en: 'Monitoring' }, weight: 13 },
];

export function aQuestion(overrides: Partial<Question> = {}): Question {
  const id = overrides.id ?? 'q-1';
  return {
    id,
    domain: 'low-code-ai',
    difficulty: 'easy',
    style: 'concept',
    tags: [],
    services: [],
    sources: ['F2'],
    stem: { ja: `問題 ${id}`, en: `Question ${id}` },
    choices: ['A', 'B', 'C', 'D'].map((key) => ({
      key,
      text: { ja: `選択肢 ${key}`, en: `Choice ${key}` },
      why: { ja: `理由 ${key}`, en: `Reason ${key}` },
    })),
    answer: ['B'],
    explanation: { ja: '解説', en: 'Explanation' },
    ...overrides,
  };
}

export function someQuestions(count: number, overrides: Partial<Question> = {}): Question[] {
  return Array.from({ length: count }, (_, i) => aQuestion({ ...overrides, id: `q-${i + 1}` }));
}

export function aBank(questions: Question[] = someQuestions(5)): InMemoryQuestionBank {
  return new InMemoryQuestionBank(questions, DOMAINS);
}

export function aService(overrides: Partial<ServiceEntry> = {}): ServiceEntry {
  return {
    id: 'dataflow',
    name: 'Dataflow',
    formerNames: ['Cloud Dataflow'],
    ja: { name: 'Dataflow', reading: 'データフロー' },
    aliases: ['apache beam'],
    summary: { ja: 'ストリーム処理', en: 'Stream processing' },
    chooseWhen: { ja: 'ストリーミング', en: 'Streaming' },
    status: 'active',
    docsUrl: 'https://cloud.google.com/dataflow/docs',
    relatedQuestionIds: [],
    ...overrides,
  };
}

export function aCatalog(services: ServiceEntry[] = [aService()]): FuseServiceCatalog {
  return new FuseServiceCatalog(services);
}

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(private current = Date.parse('2026-11-27T00:00:00Z')) {}
  now(): number {
    return this.current;
  }
  set(epochMs: number): void {
    this.current = epochMs;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** The right key of a single-answer question (the bank's key, not the letter a round shows). */
export function rightKey(question: Question): string {
  const key = question.answer[0];
  if (key === undefined || question.answer.length !== 1)
    throw new Error(`${question.id} is not single-answer`);
  return key;
}
