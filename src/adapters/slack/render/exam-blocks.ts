import type { types } from '@slack/bolt';
import type { Exam } from '../../../core/model/exam.js';
import type { TextView } from '../../../core/ports/views.js';
import { encodeAction } from '../../../core/presentation/action-id.js';
import { navigatorMark } from '../../../core/presentation/exam-views.js';
import type { Messages } from '../../../core/presentation/messages/index.js';
import { displayLetter } from '../../../core/rounds/choices.js';
import { cut, escapeMrkdwn, SLACK_LIMITS } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;

/** The navigator's action id: its selected option's value is an encoded `exam-go`. */
export const EXAM_NAVIGATOR_ACTION = 'exam-nav';
/** The multiple-select answer's action id; each option's value is a bank key, the block id names the question. */
export const EXAM_PICKS_ACTION = 'exam-picks';
/** Static selects hold at most 100 options: a full exam's 50 questions fit one navigator. */
const MAX_SELECT_OPTIONS = 100;

const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: cut(text, max),
  emoji: true,
});
const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: cut(text, SLACK_LIMITS.sectionText) },
});

/**
 * One exam question as one ephemeral message, replaced in place on each click: the header, the view's lines
 * in sections (split at blank lines, so a long stem and five long choices each stay within a section's 3000
 * characters), the buttons, a navigator (a static select over every question, marked answered, flagged or
 * neither) and, for a "choose N" question, a multi-select of the letters (at most N) that answers it.
 */
export function examQuestionBlocks(view: TextView, exam: Exam, m: Messages): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(view.title, SLACK_LIMITS.headerText) }];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push(section(paragraph.map(escapeMrkdwn).join('\n')));
    paragraph = [];
  };
  for (const line of view.lines) {
    if (line === '') flush();
    else paragraph.push(line);
  }
  flush();
  const item = exam.items[exam.position];
  const picks = item ? item.answer.split(',').length : 1;
  if (item && picks > 1) {
    blocks.push({
      type: 'actions',
      block_id: `exam-picks:${exam.id}:${exam.position}`,
      elements: [
        {
          type: 'multi_static_select',
          action_id: EXAM_PICKS_ACTION,
          placeholder: plain(m.pickTitle(picks), SLACK_LIMITS.optionText),
          max_selected_items: picks,
          options: item.choiceOrder.map((key, i) => ({
            text: plain(displayLetter(i), SLACK_LIMITS.optionText),
            value: key,
          })),
        },
      ],
    });
  }
  blocks.push({
    type: 'actions',
    block_id: 'exam-buttons',
    elements: view.buttons.map((b) => ({
      type: 'button' as const,
      text: plain(b.label, SLACK_LIMITS.buttonText),
      action_id: b.action,
      value: b.action,
    })),
  });
  const options = exam.items.slice(0, MAX_SELECT_OPTIONS).map((_, i) => ({
    text: plain(
      `${m.exam.questionOf(i + 1, exam.items.length)} ${navigatorMark(exam, i)}`,
      SLACK_LIMITS.optionText,
    ),
    value: encodeAction({ kind: 'exam-go', examId: exam.id, index: i }),
  }));
  blocks.push({
    type: 'actions',
    block_id: 'exam-navigator',
    elements: [
      {
        type: 'static_select',
        action_id: EXAM_NAVIGATOR_ACTION,
        placeholder: plain(m.exam.navigatorLegend, SLACK_LIMITS.optionText),
        options,
      },
    ],
  });
  return blocks.slice(0, SLACK_LIMITS.blocksPerMessage);
}
