import type { QuestionView, RevealView, TextView } from '../../core/views.js';

/** Terminal rendering of the core views: plain lines, choices numbered for typing. */

const RULE = '━━━';

export function renderText(view: TextView): string {
  const out = [view.title, ...view.lines];
  for (const section of view.sections) out.push('', `【${section.title}】`, section.body);
  if (view.buttons.length > 0) out.push('', ...view.buttons.map((b) => `  • ${b.label}`));
  if (view.link) out.push('', `${view.link.label}: ${view.link.url}`);
  return `${out.join('\n')}\n`;
}

export function renderQuestion(view: QuestionView, hint: string): string {
  const choices = view.choices.map((c, i) => `  ${i + 1}) ${c.key}. ${c.text}`);
  return `\n${RULE} ${view.title} ${RULE}\n${view.stem}\n\n${choices.join('\n')}\n\n${view.context}\n${hint}\n`;
}

export function renderReveal(view: RevealView): string {
  return `\n${RULE} ${view.title} ${RULE}\n${view.stem}\n${view.answer}\n${view.votes.join('\n')}\n${view.answered}\n\n【${view.explanation.title}】\n${view.explanation.body}\n`;
}
