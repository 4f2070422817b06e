import path from 'node:path';
import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { loadQuizContent } from '../../../src/adapters/questions/quiz-content.js';
import {
  explanationBlocks,
  pickerModal,
  questionBlocks,
  revealBlocks,
  textBlocks,
} from '../../../src/adapters/slack/render/block-kit.js';
import { SLACK_LIMITS } from '../../../src/adapters/slack/render/mrkdwn.js';
import { LOCALES, type Round } from '../../../src/core/model/model.js';
import { messagesFor } from '../../../src/core/presentation/messages/index.js';
import { pickerView } from '../../../src/core/presentation/picker-view.js';
import { serviceCardView } from '../../../src/core/presentation/service-views.js';
import { feedbackView, questionView, revealView } from '../../../src/core/presentation/views.js';
import { encodePicks } from '../../../src/core/rounds/choices.js';
import { longQuestions } from '../../support/long-questions.js';

const content = loadQuizContent(path.resolve(import.meta.dirname, '../../../questions'));
/** The bank, and the longest questions the format allows (300-character choices, single and "choose two"). */
const questions = [...content.bank.all(), ...longQuestions()];

/** Every answer a player could give: each key, and for a "choose N" question some sets of N keys. */
function possibleAnswers(question: (typeof questions)[number]): string[] {
  const keys = question.choices.map((c) => c.key);
  const sets = (from: string[], size: number): string[][] =>
    size === 0
      ? [[]]
      : from.flatMap((key, i) => sets(from.slice(i + 1), size - 1).map((rest) => [key, ...rest]));
  return sets(keys, question.answer.length).map(encodePicks);
}

/** Every limit a picker modal breaks. */
function modalViolations(modal: ReturnType<typeof pickerModal>): string[] {
  const problems: string[] = [];
  const length = (text: string): number => [...text].length;
  if (length(modal.title.text) > SLACK_LIMITS.modalTitle) problems.push('modal title');
  if (modal.submit && length(modal.submit.text) > SLACK_LIMITS.modalButton) problems.push('submit');
  if (modal.close && length(modal.close.text) > SLACK_LIMITS.modalButton) problems.push('close');
  if ((modal.private_metadata ?? '').length > SLACK_LIMITS.privateMetadata) problems.push('metadata');
  for (const block of modal.blocks as types.KnownBlock[]) {
    if (block.type !== 'input') continue;
    if (length(block.label.text) > SLACK_LIMITS.inputLabel) problems.push('input label');
    const element = block.element;
    if (element.type !== 'checkboxes') continue;
    if (element.options.length > SLACK_LIMITS.checkboxOptions) problems.push('checkbox options');
    for (const option of element.options) {
      if (length(option.text.text) > SLACK_LIMITS.optionText)
        problems.push(`option text: ${option.text.text}`);
    }
  }
  return problems;
}

/** Walks a Block Kit payload and returns every limit it breaks. */
function violations(blocks: unknown[], maxBlocks: number = SLACK_LIMITS.blocksPerMessage): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const visit = (node: unknown, parent: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, parent);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'button') {
      const text = (o.text as { text: string }).text;
      if ([...text].length > SLACK_LIMITS.buttonText)
        problems.push(`button text ${[...text].length}: ${text}`);
      if (String(o.action_id).length > SLACK_LIMITS.actionId)
        problems.push(`action_id ${String(o.action_id).length}`);
      if (o.value !== undefined && String(o.value).length > SLACK_LIMITS.buttonValue)
        problems.push('button value');
    }
    if (o.type === 'section') {
      const text = (o.text as { text: string }).text;
      if (text.length < 1 || text.length > SLACK_LIMITS.sectionText)
        problems.push(`section text ${text.length}`);
    }
    if (o.type === 'header' && [...(o.text as { text: string }).text].length > SLACK_LIMITS.headerText) {
      problems.push('header text');
    }
    if (o.type === 'actions' && (o.elements as unknown[]).length > 25) problems.push('actions elements');
    for (const [key, value] of Object.entries(o)) if (key !== 'text') visit(value, String(o.type ?? parent));
  };
  visit(blocks, 'root');
  return problems;
}

describe('every payload stays within Slack limits', () => {
  it('checks the long fixtures too: 300-character choices, single answer and "choose two"', () => {
    expect(
      questions.some((q) => q.answer.length > 1 && q.choices.every((c) => c.text.en.length === 300)),
    ).toBe(true);
  });

  const round: Round = {
    id: 'Zx9_-Zx9_-Zx', // the longest round id we make (12 characters)
    scope: 'slack:T0123456789',
    channelId: 'C0123456789',
    questionId: '',
    kind: 'daily',
    status: 'open',
    openedAt: Date.parse('2026-11-27T00:00:00Z'),
    closesAt: Date.parse('2026-11-28T00:00:00Z'),
    seq: 1,
  };

  for (const locale of LOCALES) {
    it(`renders every question, reveal and feedback in ${locale}`, () => {
      const m = messagesFor(locale);
      const problems: string[] = [];
      for (const question of questions) {
        const shownRound = {
          ...round,
          questionId: question.id,
          choiceOrder: ['E', 'C', 'A', 'D', 'B'].filter((k) => question.choices.some((c) => c.key === k)),
        };
        const view = questionView({
          round: shownRound,
          question,
          domain: content.bank.domain(question.domain),
          answerCount: 12345,
          timeZone: 'Asia/Tokyo',
          m,
        });
        const reveal = revealView(
          shownRound,
          question,
          { counts: { A: 99999, B: 99999, C: 99999, D: 99999, E: 99999 }, total: 99999, right: 99999 },
          m,
        );
        const feedback = possibleAnswers(question).map((choice) =>
          feedbackView(
            {
              kind: choice === encodePicks(question.answer) ? 'correct' : 'incorrect',
              question,
              roundKind: 'daily',
              choice,
              points: 15,
              streak: 30,
              totals: { week: 999, all: 99999 },
              answerCount: 999,
              locale: null,
              choiceOrder: shownRound.choiceOrder,
            },
            m,
          ),
        );
        problems.push(
          ...modalViolations(pickerModal(pickerView(shownRound, question, m), round.channelId)).map(
            (p) => `${question.id} picker: ${p}`,
          ),
        );
        const payloads = [
          questionBlocks(view),
          revealBlocks(reveal),
          explanationBlocks(reveal),
          ...feedback.map((f) => textBlocks(f)),
        ];
        for (const blocks of payloads)
          problems.push(...violations(blocks).map((p) => `${question.id}: ${p}`));
      }
      expect(problems).toEqual([]);
    });

    it(`renders every service card in ${locale}`, () => {
      const m = messagesFor(locale);
      const problems = content.catalog
        .all()
        .flatMap((s) =>
          violations(textBlocks(serviceCardView(s, 'Successor Name', m))).map((p) => `${s.id}: ${p}`),
        );
      expect(problems).toEqual([]);
    });
  }
});
