/** Columns used when neither the terminal nor `COLUMNS` says how wide the screen is (piped output, CI logs). */
export const DEFAULT_WIDTH = 80;

interface Output {
  isTTY?: boolean;
  columns?: number;
}

/**
 * The width to wrap at: the terminal's own, else `COLUMNS`, else 80. A pseudo-terminal opened from a
 * non-terminal (`script` under a CI job) reports 0 columns, which is no width at all, so it falls through too.
 */
export function terminalWidth(output: Output, env: NodeJS.ProcessEnv): number {
  if (output.isTTY && output.columns !== undefined && output.columns > 0) return output.columns;
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return DEFAULT_WIDTH;
}
