import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { BROWSER_INSTALL_HINT, BROWSER_SKIP_VARIABLE, chromiumPath } from './browser-requirement.js';

const require = createRequire(import.meta.url);

/** True when the browser tests are skipped on request (QUIZ_TEST_SKIP_BROWSER=1). */
export const skipBrowser = process.env[BROWSER_SKIP_VARIABLE] === '1';

/** Debian's Chromium, headless, through playwright-core; fails with how to install it when missing. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(BROWSER_INSTALL_HINT);
  return chromium.launch({
    executablePath,
    headless: true,
    // Containers often run as root and have a small /dev/shm.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/** A phone-sized page: 375 CSS pixels wide. */
export const PHONE = { width: 375, height: 812 };

/** Whether the page scrolls sideways (its content is wider than the viewport). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  // A string: the test files are type-checked without the DOM library.
  return page.evaluate(
    '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

let axeSource: string | undefined;

/**
 * axe-core's serious and critical violations on the page. axe is evaluated through the DevTools protocol,
 * which the page's CSP (no script at all) does not govern; a script tag, like any script of the page's
 * own, is refused.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${axeSource}\n;undefined`);
  // A string: the test files are type-checked without the DOM library.
  const violations = await page.evaluate<AxeViolation[]>(
    'axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })))',
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
