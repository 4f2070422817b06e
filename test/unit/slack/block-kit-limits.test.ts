import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuizContent } from '../../../src/adapters/questions/quiz-content.js';
import {
  explanationBlocks,
  questionBlocks,
  revealBlocks,
  textBlocks,
} from '../../../src/adapters/slack/block-kit.js';
import { SLACK_LIMITS } from '../../../src/adapters/slack/mrkdwn.js';
import { messagesFor } from '../../../src/core/messages/index.js';
import { LOCALES, type Round } from '../../../src/core/model.js';
import { feedbackView, questionView, revealView, serviceCardView } from '../../../src/core/views.js';

const content = loadQuizContent(path.resolve(import.meta.dirname, '../../../questions'));

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
      for (const question of content.bank.all()) {
        const view = questionView({
          round: { ...round, questionId: question.id },
          question,
          domain: content.bank.domain(question.domain),
          answerCount: 12345,
          timeZone: 'Asia/Tokyo',
          m,
        });
        const reveal = revealView(question, { counts: { A: 999, B: 999 }, total: 99999 }, m);
        const feedback = question.choices.map((c) =>
          feedbackView(
            {
              kind: c.key === question.answer ? 'correct' : 'incorrect',
              question,
              roundKind: 'daily',
              choice: c.key,
              points: 15,
              streak: 30,
              totals: { week: 999, month: 9999, all: 99999 },
              answerCount: 999,
              locale: null,
            },
            m,
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
