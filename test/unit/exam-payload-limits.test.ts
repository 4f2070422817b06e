import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { examMessage } from '../../src/adapters/discord/render/render-exam.js';
import { textViewMessage } from '../../src/adapters/discord/render/render-messages.js';
import { InMemoryQuestionBank } from '../../src/adapters/questions/in-memory-question-bank.js';
import { loadQuizContent } from '../../src/adapters/questions/quiz-content.js';
import { textBlocks } from '../../src/adapters/slack/render/block-kit.js';
import { examQuestionBlocks } from '../../src/adapters/slack/render/exam-blocks.js';
import { SLACK_LIMITS } from '../../src/adapters/slack/render/mrkdwn.js';
import { questionVersion } from '../../src/core/learning/question-version.js';
import type { Exam } from '../../src/core/model/exam.js';
import { LOCALES, type Question } from '../../src/core/model/model.js';
import { examQuestionView, examReportView } from '../../src/core/presentation/exam-views.js';
import { messagesFor } from '../../src/core/presentation/messages/index.js';
import { answerValue } from '../../src/core/rounds/choices.js';
import { messageProblems } from '../support/discord-payload-limits.js';
import { longQuestions } from '../support/long-questions.js';

const content = loadQuizContent(path.resolve(import.meta.dirname, '../../questions'));
const questions: Question[] = [...content.bank.all(), ...longQuestions()];
const bank = new InMemoryQuestionBank(questions, content.bank.domains());
const NOW = Date.parse('2030-01-07T00:00:00Z');

/** A full exam (50 questions) over `items`, with every state a navigator shows: answered, flagged, neither. */
function fullExam(items: readonly Question[]): Exam {
  return {
    id: 'Zx9_-Zx9_-Zx', // the longest exam id we make (12 characters)
    scope: 'discord:200000000000000001',
    playerId: '400000000000000001',
    form: 'full',
    items: items.map((q) => ({
      questionId: q.id,
      version: questionVersion(q),
      domain: q.domain,
      choiceOrder: q.choices.map((c) => c.key),
      answer: answerValue(q),
    })),
    startedAt: NOW,
    deadline: NOW + 120 * 60_000,
    answers: items.map((q, i) =>
      i % 3 === 0 ? '' : i % 3 === 1 ? answerValue(q) : (q.choices[0]?.key ?? ''),
    ),
    flags: items.map((_, i) => i % 4 === 0),
    position: 0,
    status: 'open',
    submitAskedAt: 0,
    revision: 7,
  };
}

/** Every Block Kit limit the exam's blocks break (sections, header, buttons, selects and their options). */
function slackProblems(blocks: unknown[]): string[] {
  const problems: string[] = [];
  if (blocks.length > SLACK_LIMITS.blocksPerMessage) problems.push(`${blocks.length} blocks`);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const text = (o.text as { text?: string } | undefined)?.text ?? '';
    if (o.type === 'section' && (text.length < 1 || text.length > SLACK_LIMITS.sectionText))
      problems.push(`section ${text.length}`);
    if (o.type === 'header' && [...text].length > SLACK_LIMITS.headerText) problems.push('header');
    if (o.type === 'button') {
      if ([...text].length > SLACK_LIMITS.buttonText) problems.push('button text');
      if (String(o.action_id).length > SLACK_LIMITS.actionId) problems.push('action_id');
    }
    if (o.type === 'actions' && (o.elements as unknown[]).length > 25) problems.push('actions elements');
    if (o.type === 'static_select' || o.type === 'multi_static_select') {
      const options = o.options as { text: { text: string }; value: string }[];
      // Slack: at most 100 options, option text 75, option value 150.
      if (options.length < 1 || options.length > 100) problems.push(`${options.length} options`);
      for (const option of options) {
        if ([...option.text.text].length > SLACK_LIMITS.optionText) problems.push('option text');
        if (option.value.length > 150) problems.push('option value');
      }
      if (o.type === 'multi_static_select' && Number(o.max_selected_items) > options.length)
        problems.push('max_selected_items');
      if ([...((o.placeholder as { text: string }).text ?? '')].length > 150) problems.push('placeholder');
    }
    for (const [key, value] of Object.entries(o)) if (key !== 'text') visit(value);
  };
  visit(blocks);
  return problems;
}

describe('a full 50-question exam fits every platform limit, navigator included', () => {
  const chunks: Question[][] = [];
  for (let i = 0; i < questions.length; i += 50) chunks.push(questions.slice(i, i + 50));
  // The last chunk filled up to 50 with the first questions, so every exam is a full one.
  const last = chunks.at(-1) ?? [];
  chunks[chunks.length - 1] = [...last, ...questions.slice(0, 50 - last.length)];

  it.each(LOCALES)(
    '%s: every question of the bank (long fixtures too) at every position, on Slack and Discord',
    (locale) => {
      const m = messagesFor(locale);
      const problems: string[] = [];
      for (const chunk of chunks) {
        const exam = fullExam(chunk);
        expect(exam.items).toHaveLength(50);
        exam.items.forEach((item, position) => {
          const shown = { ...exam, position };
          const view = examQuestionView({ exam: shown, bank, timeZone: 'Asia/Tokyo', now: NOW, m });
          for (const p of slackProblems(examQuestionBlocks(view, shown, m)))
            problems.push(`slack ${item.questionId}: ${p}`);
          const message = examMessage(view, shown);
          for (const p of messageProblems({ ...message, allowed_mentions: { parse: [] } })) {
            problems.push(`discord ${item.questionId}: ${p}`);
          }
        });
      }
      expect(problems).toEqual([]);
    },
  );

  it('the Discord navigator takes two selects of 25 and every row stays within five', () => {
    const exam = fullExam(questions.slice(0, 50));
    const view = examQuestionView({ exam, bank, timeZone: 'Asia/Tokyo', now: NOW, m: messagesFor('en') });
    const rows = examMessage(view, exam).components;
    expect(rows.length).toBeLessThanOrEqual(5);
    const navigators = rows
      .flatMap((r) => r.components)
      .filter((c) => 'custom_id' in c && c.custom_id.startsWith('xn:'));
    expect(navigators.map((n) => ('options' in n ? n.options.length : 0))).toEqual([25, 25]);
    const slackNavigator = JSON.stringify(examQuestionBlocks(view, exam, messagesFor('en'))).match(
      /"exam-nav"/g,
    );
    expect(slackNavigator).toHaveLength(1);
  });

  it.each(LOCALES)('%s: every page of a report where all 50 questions are wrong and flagged', (locale) => {
    const m = messagesFor(locale);
    const problems: string[] = [];
    for (const chunk of chunks) {
      const exam: Exam = {
        ...fullExam(chunk),
        answers: chunk.map(() => ''),
        flags: chunk.map(() => true),
        status: 'submitted',
      };
      const result = {
        examId: exam.id,
        form: 'full' as const,
        startedAt: NOW,
        submittedAt: NOW + 60_000,
        usedMs: 60_000,
        right: 0,
        total: 50,
        sections: content.bank.domains().map((d) => ({ domain: d.id, right: 0, total: 8 })),
        timedOut: false,
        questionIds: chunk.map((q) => q.id),
      };
      for (let page = 1; page <= 10; page++) {
        const view = examReportView({ exam, result, previous: result }, bank, m, page);
        for (const p of slackProblems(textBlocks(view))) problems.push(`slack report page ${page}: ${p}`);
        for (const p of messageProblems({ ...textViewMessage(view), allowed_mentions: { parse: [] } })) {
          problems.push(`discord report page ${page}: ${p}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
