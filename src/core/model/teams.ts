import { neutralize } from './safe-text.js';

export const MAX_TEAM_NAME = 32;

export type TeamNameCheck =
  | { ok: true; id: string; name: string }
  | { ok: false; reason: 'empty' | 'too-long' };

/**
 * A team name as stored and echoed: mentions and formatting removed, 1 to 32 characters after trimming.
 * The id is the case-folded name, so "ML Ops" and "ml ops" are one team.
 */
export function checkTeamName(raw: string): TeamNameCheck {
  const name = neutralize(raw, Number.MAX_SAFE_INTEGER);
  if ([...name].length === 0) return { ok: false, reason: 'empty' };
  if ([...name].length > MAX_TEAM_NAME) return { ok: false, reason: 'too-long' };
  return { ok: true, id: name.toLocaleLowerCase('en-US'), name };
}
