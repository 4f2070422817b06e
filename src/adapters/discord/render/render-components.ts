import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { ButtonView } from '../../../core/ports/views.js';
import type { PickerView } from '../../../core/presentation/picker-view.js';
import { cut, LIMITS } from './discord-limits.js';

export type ButtonRow = APIActionRowComponent<APIComponentInMessageActionRow>;

const PICKER_PREFIX = 'sel';

/** The picker's custom_id: the round and the number of picks it requires. */
export function pickerCustomId(roundId: string, picks: number): string {
  return `${PICKER_PREFIX}:${roundId}:${picks}`;
}

export function decodePickerCustomId(customId: string): { roundId: string; picks: number } | null {
  const match = /^sel:([A-Za-z0-9_-]{1,64}):([1-9])$/.exec(customId);
  return match?.[1] && match[2] ? { roundId: match[1], picks: Number(match[2]) } : null;
}

/**
 * The picker of a multiple-select question: a string select that takes exactly `picks` options
 * (Discord enforces min_values = max_values). Labels are the letter and a shortened text.
 */
export function pickerSelect(view: PickerView): ButtonRow {
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: pickerCustomId(view.roundId, view.picks),
    placeholder: cut(view.title, LIMITS.selectPlaceholder),
    min_values: view.picks,
    max_values: view.picks,
    options: view.options.slice(0, LIMITS.selectOptions).map((o) => ({
      label: cut(o.label, LIMITS.selectOptionLabel),
      value: o.key,
    })),
  };
  return { type: ComponentType.ActionRow, components: [select] };
}

/** A button that comes back to us as an interaction; null when the action would not fit a custom_id. */
export function actionButton(
  view: ButtonView,
  style: APIButtonComponentWithCustomId['style'] = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponent | null {
  // Discord rejects the whole message for one overlong id; the core's ids are far shorter, so this
  // only guards against a future change there.
  if (view.action.length === 0 || view.action.length > LIMITS.customId) return null;
  return {
    type: ComponentType.Button,
    style,
    label: cut(view.label, LIMITS.buttonLabel),
    custom_id: view.action,
    ...(disabled ? { disabled: true } : {}),
  };
}

/** A button that opens a web page (the /gcp documentation link). */
export function linkButton(label: string, url: string): APIButtonComponent | null {
  if (url.length > LIMITS.linkUrl || !/^https?:\/\//.test(url)) return null;
  return { type: ComponentType.Button, style: ButtonStyle.Link, label: cut(label, LIMITS.buttonLabel), url };
}

/** Packs buttons into action rows: 5 per row, 5 rows per message; anything past 25 is left out. */
export function buttonRows(buttons: (APIButtonComponent | null)[]): ButtonRow[] {
  const kept = buttons
    .filter((b): b is APIButtonComponent => b !== null)
    .slice(0, LIMITS.buttonsPerRow * LIMITS.rowsPerMessage);
  const rows: ButtonRow[] = [];
  for (let i = 0; i < kept.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: kept.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}
