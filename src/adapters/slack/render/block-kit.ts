import type { types } from '@slack/bolt';
import type { ButtonView, QuestionView, RevealView, Section, TextView } from '../../../core/ports/views.js';
import type { PickerView } from '../../../core/presentation/picker-view.js';
import { cut, escapeMrkdwn, SLACK_LIMITS } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;

/** Core views rendered as Block Kit. Every text is escaped and cut to Slack's limits. */

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text: cut(text, SLACK_LIMITS.sectionText) });
const plain = (text: string, max: number = SLACK_LIMITS.buttonText) => ({
  type: 'plain_text' as const,
  text: cut(text, max),
  emoji: true,
});
const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [mrkdwn(text)] });

function button(label: string, action: string, extra: { url?: string; style?: 'primary' } = {}) {
  return { type: 'button' as const, text: plain(label), action_id: action, value: action, ...extra };
}

/**
 * Stem, then each choice written out in full in its own section (five 300-character choices and a long
 * stem stay far inside the 3000 per section), then the buttons: letters only, or one "Answer" button
 * that opens the picker of a multiple-select question.
 */
export function questionBlocks(view: QuestionView): KnownBlock[] {
  const style = view.picks > 1 ? { style: 'primary' as const } : {};
  return [
    { type: 'header', text: plain(view.title, SLACK_LIMITS.headerText) },
    section(escapeMrkdwn(view.stem)),
    ...view.choices.map((c) => section(`*${c.letter}.* ${escapeMrkdwn(c.text)}`)),
    {
      type: 'actions',
      block_id: 'answers',
      elements: view.buttons.map((b) => button(b.label, b.action, style)),
    },
    context(`${escapeMrkdwn(view.context)} · ${escapeMrkdwn(view.answers)}`),
  ];
}

/** What the picker modal carries back on submit. */
export interface PickerMetadata {
  roundId: string;
  channelId: string;
  picks: number;
}

export const PICKER_CALLBACK_ID = 'pick-answer';
/** The docs link button: Slack still sends an action for it, which only needs an ack. */
export const OPEN_DOCS_ACTION = 'open-docs';
export const PICKER_BLOCK_ID = 'picks';
export const PICKER_ACTION_ID = 'picked';

/**
 * The private picker of a multiple-select question: a modal with checkboxes (letter and shortened text;
 * the full texts stay in the channel message). Checkboxes have no min/max, so the count is checked on submit.
 */
export function pickerModal(view: PickerView, channelId: string): types.ModalView {
  const metadata: PickerMetadata = { roundId: view.roundId, channelId, picks: view.picks };
  return {
    type: 'modal',
    callback_id: PICKER_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain(view.title, SLACK_LIMITS.modalTitle),
    submit: plain(view.submit, SLACK_LIMITS.modalButton),
    close: plain(view.cancel, SLACK_LIMITS.modalButton),
    blocks: [
      {
        type: 'input',
        block_id: PICKER_BLOCK_ID,
        label: plain(view.label, SLACK_LIMITS.inputLabel),
        element: {
          type: 'checkboxes',
          action_id: PICKER_ACTION_ID,
          options: view.options.slice(0, SLACK_LIMITS.checkboxOptions).map((o) => ({
            text: plain(o.label, SLACK_LIMITS.optionText),
            value: o.key,
          })),
        },
      },
    ],
  };
}

export function revealBlocks(view: RevealView): KnownBlock[] {
  return [
    { type: 'header', text: plain(view.title, SLACK_LIMITS.headerText) },
    section(escapeMrkdwn(view.stem)),
    section(`*${escapeMrkdwn(view.answer)}*`),
    ...view.votes.map((vote) => section(escapeMrkdwn(vote))),
    context(escapeMrkdwn(view.answered)),
  ];
}

export function explanationBlocks(view: RevealView): KnownBlock[] {
  return [section(`*${escapeMrkdwn(view.explanation.title)}*\n${escapeMrkdwn(view.explanation.body)}`)];
}

/**
 * Blocks of the frozen sections and button lists a view shares between clicks (the feedback's, see
 * core/presentation/feedback-parts.ts), rendered once: escaping a long explanation on every click is
 * work the answer path need not do. Anything not frozen is rendered each time.
 */
const sectionBlocks = new WeakMap<Section, KnownBlock>();
const actionBlocks = new WeakMap<readonly ButtonView[], KnownBlock>();

function sectionBlock(s: Section): KnownBlock {
  const kept = sectionBlocks.get(s);
  if (kept) return kept;
  const block = section(`*${escapeMrkdwn(s.title)}*\n${escapeMrkdwn(s.body)}`);
  if (Object.isFrozen(s)) sectionBlocks.set(s, block);
  return block;
}

function actionsBlock(view: TextView): KnownBlock | null {
  const shared = !view.link && Object.isFrozen(view.buttons);
  const kept = shared ? actionBlocks.get(view.buttons) : undefined;
  if (kept) return kept;
  const buttons = view.buttons.map((b) => button(b.label, b.action));
  if (view.link) buttons.push(button(view.link.label, OPEN_DOCS_ACTION, { url: view.link.url }));
  if (buttons.length === 0) return null;
  const block: KnownBlock = { type: 'actions', elements: buttons.slice(0, 25) };
  if (shared) actionBlocks.set(view.buttons, block);
  return block;
}

export function textBlocks(view: TextView): KnownBlock[] {
  const blocks: KnownBlock[] = [section(`*${escapeMrkdwn(view.title)}*`)];
  const lines = view.lines.filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1));
  if (lines.length > 0) blocks.push(section(lines.map(escapeMrkdwn).join('\n')));
  for (const s of view.sections) blocks.push(sectionBlock(s));
  const actions = actionsBlock(view);
  if (actions) blocks.push(actions);
  return blocks.slice(0, SLACK_LIMITS.blocksPerMessage);
}

/** The plain-text fallback Slack shows in notifications. */
export function fallbackText(title: string, body = ''): string {
  return cut(body ? `${title}: ${body}` : title, SLACK_LIMITS.sectionText);
}
