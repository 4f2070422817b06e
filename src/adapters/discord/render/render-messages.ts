import { type APIEmbed, ButtonStyle } from 'discord.js';
import type { QuestionView, RevealView, Section, TextView } from '../../../core/ports/views.js';
import type { PickerView } from '../../../core/presentation/picker-view.js';
import { cut, LIMITS } from './discord-limits.js';
import { actionButton, type ButtonRow, buttonRows, linkButton, pickerSelect } from './render-components.js';
import { bold, COLOR, fitEmbed } from './render-embed.js';

/** A message body the bot sends: one embed and its buttons. `allowed_mentions` is added by the sender. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** Plain text instead of embeds, sent with link previews suppressed (a private sign-in link). */
  content?: string;
}

/** Any text reply (boards, stats, feedback, /gcp cards, the digest) as one embed with its buttons. */
export function textViewMessage(view: TextView, color: number = COLOR.info): DiscordMessage {
  // A headline longer than an embed title (an echoed bad cron expression) leads the description instead.
  const titleFits = view.title.length <= LIMITS.embedTitle;
  const lines = titleFits ? view.lines : [view.title, ...view.lines];
  const asFields = view.sections.length <= LIMITS.embedFields && view.sections.every(fitsField);
  const description = [lines.join('\n'), ...(asFields ? [] : view.sections.map(sectionText))]
    .filter((part) => part.trim() !== '')
    .join('\n\n');
  const embed: APIEmbed = {
    color,
    ...(titleFits && view.title ? { title: view.title } : {}),
    ...(description ? { description } : {}),
    ...(asFields && view.sections.length > 0
      ? { fields: view.sections.map((s) => ({ name: s.title, value: s.body })) }
      : {}),
  };
  const buttons = view.buttons.map((b) => actionButton(b, ButtonStyle.Primary));
  if (view.link) buttons.push(linkButton(view.link.label, view.link.url));
  return { embeds: [fitEmbed(embed)], components: buttonRows(buttons) };
}

/**
 * The public daily question (or a private practice one): stem and choices in the embed, buttons with the
 * letters only (or one "Answer" button opening the picker of a multiple-select question).
 */
export function questionMessage(view: QuestionView, practice = false): DiscordMessage {
  return {
    embeds: [questionEmbed(view, practice)],
    components: buttonRows(view.buttons.map((b) => actionButton(b, ButtonStyle.Primary))),
  };
}

/** The private picker of a multiple-select question. */
export function pickerMessage(view: PickerView): DiscordMessage {
  return {
    embeds: [fitEmbed({ color: COLOR.info, title: view.title, description: view.label })],
    components: [pickerSelect(view)],
  };
}

/** The question embed alone: what an answer-count edit replaces (the buttons stay as they are). */
export function questionEmbed(view: QuestionView, practice = false): APIEmbed {
  // The choices are written out once, in full, here; the buttons carry only their letters.
  const choices = view.choices.map((c) => `${bold(`${c.letter}.`)} ${c.text}`).join('\n');
  // An overlong stem gives way, so the choices below it are never the part that is cut.
  const stemRoom = Math.max(LIMITS.embedDescription / 2, LIMITS.embedDescription - choices.length - 2);
  return fitEmbed({
    color: practice ? COLOR.practice : COLOR.question,
    title: view.title,
    description: [cut(view.stem, stemRoom), choices].filter(Boolean).join('\n\n'),
    footer: { text: `${view.context}\n${view.answers}` },
  });
}

/**
 * The question message after the round closed: the answer and the votes, buttons kept but disabled with
 * the right one in green, so the message still reads as the question it was.
 */
export function revealMessage(view: RevealView, question: QuestionView): DiscordMessage {
  // Letter buttons: the right ones in green. The one "Answer" button of a multiple-select question stays grey.
  const buttons = question.buttons.map((b) =>
    actionButton(b, view.rightLetters.includes(b.label) ? ButtonStyle.Success : ButtonStyle.Secondary, true),
  );
  return {
    embeds: [
      fitEmbed({
        color: COLOR.reveal,
        title: view.title,
        description: [view.stem, bold(view.answer), view.votes.join('\n')].join('\n\n'),
        footer: { text: view.answered },
      }),
    ],
    components: buttonRows(buttons),
  };
}

/** The explanation, posted as a reply to the revealed question. */
export function explanationMessage(view: RevealView): DiscordMessage {
  return {
    embeds: [
      fitEmbed({ color: COLOR.reveal, title: view.explanation.title, description: view.explanation.body }),
    ],
    components: [],
  };
}

function fitsField(section: Section): boolean {
  return section.title.length <= LIMITS.fieldName && section.body.length <= LIMITS.fieldValue;
}

function sectionText(section: Section): string {
  return `${bold(section.title)}\n${section.body}`;
}
