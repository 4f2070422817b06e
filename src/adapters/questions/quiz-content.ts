import type { Question } from '../../core/model/model.js';
import type { QuestionBank } from '../../core/ports/question-bank.js';
import type { ServiceCatalog, ServiceEntry } from '../../core/ports/service-catalog.js';
import { FuseServiceCatalog } from './fuse-service-catalog.js';
import { InMemoryQuestionBank } from './in-memory-question-bank.js';
import { type Content, loadContent } from './load-content.js';
import { answerKeysOf } from './schema.js';

export interface QuizContent {
  bank: QuestionBank;
  catalog: ServiceCatalog;
  content: Content;
}

/** Loads `questions/` into the question bank and the /gcp catalog. Throws `ContentError` on any problem. */
export function loadQuizContent(dir: string): QuizContent {
  const content = loadContent(dir);
  const questions: Question[] = content.questions.map(({ file: _file, replaces, ...question }) => ({
    ...question,
    answer: answerKeysOf(question),
    ...(replaces ? { replaces } : {}),
  }));
  const related = new Map<string, string[]>();
  for (const q of questions) {
    for (const serviceId of q.services) related.set(serviceId, [...(related.get(serviceId) ?? []), q.id]);
  }
  // Related questions are derived from the questions' `services`, so the catalog can never list a stale id.
  const services: ServiceEntry[] = content.services.map(({ facts: _facts, ...s }) => ({
    ...s,
    relatedQuestionIds: related.get(s.id) ?? [],
  }));
  return {
    bank: new InMemoryQuestionBank(questions, content.domains),
    catalog: new FuseServiceCatalog(services),
    content,
  };
}
