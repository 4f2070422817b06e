import { existsSync } from 'node:fs';

/**
 * Whether the browser tests can run. They drive Debian's Chromium through playwright-core; without it
 * the run fails with how to install it, unless `QUIZ_TEST_SKIP_BROWSER=1` asks for the skip explicitly.
 */
export const BROWSER_SKIP_VARIABLE = 'QUIZ_TEST_SKIP_BROWSER';

/** Where Chromium is looked for: CHROMIUM_PATH, then Debian's and other usual places. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const BROWSER_INSTALL_HINT = [
  'Chromium was not found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome),',
  'and the dashboard tests drive a real browser through playwright-core.',
  'Install it:  Debian/Ubuntu: sudo apt-get install chromium   macOS: brew install --cask chromium (then set CHROMIUM_PATH)',
  `Or skip those tests on purpose: ${BROWSER_SKIP_VARIABLE}=1 npm test`,
].join('\n');

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CANDIDATES;
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * Null when the browser tests can run; the skip notice when skipped on request; throws (failing the
 * run) otherwise. A green run without a browser is never silent.
 */
export function browserRequirement(path: string | null, env: NodeJS.ProcessEnv): string | null {
  if (env[BROWSER_SKIP_VARIABLE] === '1')
    return `${BROWSER_SKIP_VARIABLE}=1: skipping the browser tests of the dashboard.`;
  if (path) return null;
  throw new Error(BROWSER_INSTALL_HINT);
}
