import { type APIStringSelectComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { Exam } from '../../../core/model/exam.js';
import type { TextView } from '../../../core/ports/views.js';
import { encodeAction } from '../../../core/presentation/action-id.js';
import { navigatorMark } from '../../../core/presentation/exam-views.js';
import { displayLetter } from '../../../core/rounds/choices.js';
import { cut, LIMITS } from './discord-limits.js';
import { actionButton, type ButtonRow, buttonRows } from './render-components.js';
import type { DiscordMessage } from './render-messages.js';
import { textViewMessage } from './render-messages.js';

/** The exam's select menus: a navigator page (`xn:<examId>:<page>`) and a multiple-select answer (`xp:<examId>:<index>`). */
const NAVIGATOR = /^xn:([A-Za-z0-9_-]{1,64}):([0-9])$/;
const PICKS = /^xp:([A-Za-z0-9_-]{1,64}):([0-9]{1,3})$/;

export function isExamSelect(customId: string): boolean {
  return NAVIGATOR.test(customId) || PICKS.test(customId);
}

/** A multiple-select answer's exam and question; null for anything else. */
export function decodeExamPicks(customId: string): { examId: string; index: number } | null {
  const match = PICKS.exec(customId);
  return match?.[1] && match[2] ? { examId: match[1], index: Number(match[2]) } : null;
}

/**
 * One exam question as one ephemeral message, updated on every click (each click is a new interaction, so it
 * keeps working after long pauses). The embed carries the view and the deadline as `<t:…:R>`, which the Discord
 * client counts down by itself. Rows (at most 5): the letters, or for a "choose N" question a select that takes
 * exactly N; Flag, Previous, Next, Submit; then the navigator, 25 questions per select (a full exam's 50 take two).
 */
export function examMessage(view: TextView, exam: Exam): DiscordMessage {
  const deadline = `<t:${Math.floor(exam.deadline / 1000)}:R>`;
  const base = textViewMessage({ ...view, lines: [...view.lines, `⏱ ${deadline}`], buttons: [] });
  const item = exam.items[exam.position];
  const picks = item ? item.answer.split(',').length : 1;
  const letters = view.buttons.filter((b) => b.action.startsWith('xa:'));
  const controls = view.buttons.filter((b) => !b.action.startsWith('xa:'));
  const rows: ButtonRow[] = [];
  if (item && picks > 1) {
    const select: APIStringSelectComponent = {
      type: ComponentType.StringSelect,
      custom_id: `xp:${exam.id}:${exam.position}`,
      placeholder: cut(
        `${displayLetter(0)}-${displayLetter(item.choiceOrder.length - 1)} (${picks})`,
        LIMITS.selectPlaceholder,
      ),
      min_values: picks,
      max_values: picks,
      options: item.choiceOrder
        .slice(0, LIMITS.selectOptions)
        .map((key, i) => ({ label: displayLetter(i), value: key })),
    };
    rows.push({ type: ComponentType.ActionRow, components: [select] });
  } else {
    rows.push(...buttonRows(letters.map((b) => actionButton(b, ButtonStyle.Primary))));
  }
  rows.push(
    ...buttonRows(
      controls.map((b) =>
        actionButton(b, b.action.startsWith('xs:') ? ButtonStyle.Success : ButtonStyle.Secondary),
      ),
    ),
  );
  const pages = Math.ceil(exam.items.length / LIMITS.selectOptions);
  for (let page = 0; page < pages && rows.length < LIMITS.rowsPerMessage; page++) {
    const from = page * LIMITS.selectOptions;
    const indexes = exam.items.slice(from, from + LIMITS.selectOptions).map((_, i) => from + i);
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `xn:${exam.id}:${page}`,
          placeholder: `${from + 1}-${from + indexes.length}`,
          options: indexes.map((i) => ({
            label: `${i + 1} ${navigatorMark(exam, i)}${i === exam.position ? ' ◀' : ''}`,
            value: encodeAction({ kind: 'exam-go', examId: exam.id, index: i }),
          })),
        },
      ],
    });
  }
  return { embeds: base.embeds, components: rows };
}
