import { createHash } from 'node:crypto';
import { renderText } from '../../src/adapters/console/render-text.js';
import { textViewMessage } from '../../src/adapters/discord/render/render-messages.js';
import { fallbackText, textBlocks } from '../../src/adapters/slack/render/block-kit.js';
import type { Locale, Question, RoundKind } from '../../src/core/model/model.js';
import { messagesFor } from '../../src/core/presentation/messages/index.js';
import { feedbackView } from '../../src/core/presentation/views.js';
import { encodePicks } from '../../src/core/rounds/choices.js';
import type { AnswerOutcome } from '../../src/core/rounds/quiz-engine.js';
import { aQuestion } from './builders.js';
import { longQuestions } from './long-questions.js';

/**
 * The private feedback of many clicks, rendered for every platform exactly as sent: questions with Slack
 * and Discord control characters, the longest questions the format allows (single and "choose two"),
 * rounds in bank order and shuffled, every answer, both languages, each round kind, and the duplicate and
 * closed replies. `test/fixtures/feedback-rendering.json` holds the SHA-256 and length of what the code
 * rendered before the feedback was cached per round and language; the rendering test compares against it.
 */

const LOCALES: readonly Locale[] = ['ja', 'en'];
const ROUND_KINDS: readonly RoundKind[] = ['daily', 'practice', 'review'];

function questions(): Question[] {
  const marked = aQuestion({
    id: 'q-marked',
    explanation: { ja: '解説 <注意> & *太字*', en: 'Use <Vertex AI> & *not* `BigQuery`' },
    choices: ['A', 'B', 'C', 'D'].map((key) => ({
      key,
      text: { ja: `選択肢 ${key} <${key}>`, en: `Choice ${key} & <${key}>` },
      why: { ja: `理由 ${key} > 他`, en: key === 'C' ? '' : `Reason ${key} > others` },
    })),
  });
  return [marked, ...longQuestions()];
}

/** Every answer a player could give: each key, and for a "choose N" question every set of N keys. */
function answers(question: Question): string[] {
  const keys = question.choices.map((c) => c.key);
  const sets = (from: string[], size: number): string[][] =>
    size === 0
      ? [[]]
      : from.flatMap((key, i) => sets(from.slice(i + 1), size - 1).map((rest) => [key, ...rest]));
  return sets(keys, question.answer.length).map(encodePicks);
}

/** Bank order, and the bank order reversed (as a shuffled round shows it). */
function orders(question: Question): (readonly string[] | undefined)[] {
  return [undefined, question.choices.map((c) => c.key).reverse()];
}

export type Platform = 'slack' | 'discord' | 'console';

/** What is kept of a rendering in the fixture: enough to tell any change, small enough to commit. */
export function fingerprint(text: string): string {
  return `${text.length}:${createHash('sha256').update(text).digest('hex')}`;
}

export function feedbackOutcomes(): { name: string; outcome: AnswerOutcome; locale: Locale }[] {
  const out: { name: string; outcome: AnswerOutcome; locale: Locale }[] = [];
  let click = 0;
  for (const question of questions()) {
    for (const order of orders(question)) {
      const shown = order ? { choiceOrder: order } : {};
      const orderName = order ? order.join('') : 'bank';
      for (const locale of LOCALES) {
        for (const roundKind of ROUND_KINDS) {
          for (const choice of answers(question)) {
            click++;
            out.push({
              name: `${question.id} ${orderName} ${locale} ${roundKind} ${choice}`,
              locale,
              outcome: {
                kind: choice === encodePicks(question.answer) ? 'correct' : 'incorrect',
                question,
                roundKind,
                choice,
                // Per-click parts differ from click to click.
                points: 10 + (click % 7),
                streak: click % 5,
                totals: { week: click, all: 3 * click },
                answerCount: click,
                locale,
                ...shown,
              },
            });
          }
        }
        out.push({
          name: `${question.id} ${orderName} ${locale} duplicate`,
          locale,
          outcome: {
            kind: 'duplicate',
            question,
            previousChoice: answers(question)[0] ?? 'A',
            locale,
            ...shown,
          },
        });
        out.push({
          name: `${question.id} ${orderName} ${locale} closed`,
          locale,
          outcome: { kind: 'closed', question, locale, ...shown },
        });
      }
    }
  }
  return out;
}

/** One click's feedback as each platform sends it: Slack's respond() body, Discord's message, console text. */
export function renderFeedback(outcome: AnswerOutcome, locale: Locale): Partial<Record<Platform, string>> {
  const view = feedbackView(outcome, messagesFor(locale));
  // The console wraps to the terminal width, which takes tens of milliseconds for the longest questions:
  // it renders the short question only.
  const short = outcome.kind === 'unknown-round' || !outcome.question.id.startsWith('long-');
  return {
    slack: JSON.stringify({
      response_type: 'ephemeral',
      replace_original: false,
      blocks: textBlocks(view),
      text: fallbackText(view.title),
    }),
    discord: JSON.stringify(textViewMessage(view)),
    ...(short ? { console: renderText(view, { width: 80, locale }) } : {}),
  };
}
