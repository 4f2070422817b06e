import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { ButtonView } from '../../core/views.js';
import { cut, LIMITS } from './discord-limits.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

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
