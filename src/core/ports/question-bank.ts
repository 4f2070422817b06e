import type { ExamDomain, Question } from '../model/model.js';

/** The loaded, validated questions. Immutable after start-up. */
export interface QuestionBank {
  all(): readonly Question[];
  get(id: string): Question | undefined;
  domains(): readonly ExamDomain[];
  domain(id: string): ExamDomain | undefined;
}
