import type { Locale } from '../../core/model/model.js';
import { REPORT_REASONS } from '../../core/ports/learning-store.js';
import type { ButtonView, QuestionView, RevealView, TextView } from '../../core/ports/views.js';
import { decodeAction } from '../../core/presentation/action-id.js';
import { wrapText } from './wrap.js';

/** Terminal rendering of the core views: plain lines wrapped to the terminal, choices lettered for typing. */

const RULE = '━━━';

/** How the terminal is laid out: its width in columns and the language (headings differ). */
export interface Layout {
  width: number;
  locale: Locale;
}

/** Japanese text uses 【】 headings; English text a plain marker, so it stays plain ASCII-style English. */
function heading(title: string, layout: Layout): string {
  return layout.locale === 'ja' ? `【${title}】` : `▸ ${title}`;
}

/** A button elsewhere is a typed command here, which the console accepts and its help lists. */
export function typedCommand(button: ButtonView): string | null {
  const action = decodeAction(button.action);
  if (action?.kind === 'lookup') return `/gcp ${action.serviceId}`;
  if (action?.kind === 'practice') return `/practice ${action.serviceId}`;
  if (action?.kind === 'guessed') return '/quiz guessed';
  if (action?.kind === 'report') return `/quiz report <${REPORT_REASONS.join('|')}> [details]`;
  // A mock exam's letters are typed as letters (the hint under the question says so).
  if (action?.kind === 'exam-flag') return '/quiz exam flag';
  if (action?.kind === 'exam-go') return `/quiz exam go ${action.index + 1}`;
  if (action?.kind === 'exam-submit') return '/quiz exam submit';
  if (action?.kind === 'exam-report') return `/quiz exam report ${action.page}`;
  return null;
}

export function renderText(view: TextView, layout: Layout): string {
  const wrap = (text: string): string => wrapText(text, layout.width);
  // A line that starts with a command (the help) continues indented, so the commands stand out.
  const wrapLine = (text: string): string =>
    text.startsWith('/') ? wrapText(text, layout.width, '    ') : wrap(text);
  const out = [wrap(view.title), ...view.lines.map(wrapLine)];
  for (const section of view.sections) out.push('', heading(section.title, layout), wrap(section.body));
  const commands = view.buttons.flatMap((b) => {
    const typed = typedCommand(b);
    return typed ? [wrapText(`  ${typed}   ${b.label}`, layout.width, '    ')] : [];
  });
  if (commands.length > 0) out.push('', ...commands);
  if (view.link) out.push('', `${view.link.label}: ${view.link.url}`);
  return `${out.join('\n')}\n`;
}

/** A question with its choices written out; `notes` are the lines under it (a state, how to answer). */
export function renderQuestion(view: QuestionView, notes: readonly string[], layout: Layout): string {
  const wrap = (text: string): string => wrapText(text, layout.width);
  const choices = view.choices.map((c) => wrapText(`  ${c.letter}. ${c.text}`, layout.width, '     '));
  const under = [view.context, ...notes].map(wrap).join('\n');
  return `\n${RULE} ${view.title} ${RULE}\n${wrap(view.stem)}\n\n${choices.join('\n')}\n\n${under}\n`;
}

export function renderReveal(view: RevealView, layout: Layout): string {
  const wrap = (text: string): string => wrapText(text, layout.width);
  // Votes read as a list: continuation lines are indented under their letter.
  const votes = view.votes.map((vote) => wrapText(vote, layout.width, '   '));
  return `\n${RULE} ${view.title} ${RULE}\n${wrap(view.stem)}\n${wrap(view.answer)}\n${votes.join('\n')}\n${wrap(view.answered)}\n\n${heading(view.explanation.title, layout)}\n${wrap(view.explanation.body)}\n`;
}
