import type { types } from '@slack/bolt';
import type { QuestionView, RevealView, TextView } from '../../core/views.js';
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

export function questionBlocks(view: QuestionView): KnownBlock[] {
  const choices = view.choices.map((c) => `*${c.key}.* ${escapeMrkdwn(c.text)}`).join('\n');
  return [
    { type: 'header', text: plain(view.title, SLACK_LIMITS.headerText) },
    section(escapeMrkdwn(view.stem)),
    section(choices),
    { type: 'actions', block_id: 'answers', elements: view.choices.map((c) => button(c.label, c.action)) },
    context(`${escapeMrkdwn(view.context)} · ${escapeMrkdwn(view.answers)}`),
  ];
}

export function revealBlocks(view: RevealView): KnownBlock[] {
  return [
    { type: 'header', text: plain(view.title, SLACK_LIMITS.headerText) },
    section(escapeMrkdwn(view.stem)),
    section(`*${escapeMrkdwn(view.answer)}*\n${view.votes.map(escapeMrkdwn).join('\n')}`),
    context(escapeMrkdwn(view.answered)),
  ];
}

export function explanationBlocks(view: RevealView): KnownBlock[] {
  return [section(`*${escapeMrkdwn(view.explanation.title)}*\n${escapeMrkdwn(view.explanation.body)}`)];
}

export function textBlocks(view: TextView): KnownBlock[] {
  const blocks: KnownBlock[] = [section(`*${escapeMrkdwn(view.title)}*`)];
  const lines = view.lines.filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1));
  if (lines.length > 0) blocks.push(section(lines.map(escapeMrkdwn).join('\n')));
  for (const s of view.sections) blocks.push(section(`*${escapeMrkdwn(s.title)}*\n${escapeMrkdwn(s.body)}`));
  const buttons = view.buttons.map((b) => button(b.label, b.action));
  if (view.link) buttons.push(button(view.link.label, 'open-docs', { url: view.link.url }));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons.slice(0, 25) });
  return blocks.slice(0, SLACK_LIMITS.blocksPerMessage);
}

/** The plain-text fallback Slack shows in notifications. */
export function fallbackText(title: string, body = ''): string {
  return cut(body ? `${title}: ${body}` : title, SLACK_LIMITS.sectionText);
}
