import type { ExamDomain, Question } from '../../core/model/model.js';
import type { QuestionBank } from '../../core/ports/question-bank.js';

/** The validated questions, held in memory and indexed by id. */
export class InMemoryQuestionBank implements QuestionBank {
  private readonly byId: Map<string, Question>;
  private readonly domainsById: Map<string, ExamDomain>;

  constructor(
    private readonly questions: readonly Question[],
    private readonly examDomains: readonly ExamDomain[],
  ) {
    this.byId = new Map(questions.map((q) => [q.id, q]));
    this.domainsById = new Map(examDomains.map((d) => [d.id, d]));
  }

  all(): readonly Question[] {
    return this.questions;
  }

  get(id: string): Question | undefined {
    return this.byId.get(id);
  }

  domains(): readonly ExamDomain[] {
    return this.examDomains;
  }

  domain(id: string): ExamDomain | undefined {
    return this.domainsById.get(id);
  }
}
