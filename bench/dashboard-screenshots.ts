import path from 'node:path';
import { MemoryDashboardStore } from '../src/adapters/memory/memory-dashboard-store.js';
import { MemoryQuizStore } from '../src/adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from '../src/adapters/memory/memory-subscription-store.js';
import { launchChromium } from '../test/support/dashboard-browser.js';
import { benchBank, startDashboardServer } from './support/dashboard-server.js';
import { ROOT } from './support/node-child.js';

const NOW = Date.UTC(2026, 11, 7, 3);
const OUT = path.join(ROOT, 'docs/images');

/**
 * `npm run bench -- dashboard-screenshots`: the README's screenshots, remade from seeded data (40 players,
 * the real bank, the memory store) in Chromium at a laptop's width: Me, Team (admin view) and Questions,
 * in Japanese and English, as `docs/images/dashboard-<page>-<ja|en>.png`.
 */
export async function benchDashboardScreenshots(): Promise<string> {
  const bank = benchBank(300);
  const server = await startDashboardServer({
    store: new MemoryQuizStore(),
    subscriptions: new MemorySubscriptionStore(),
    dashboardStore: new MemoryDashboardStore(),
    bank,
    players: 40,
    answersPerPlayer: 120,
    teams: 4,
    now: NOW,
  });
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    for (const locale of ['ja', 'en'] as const) {
      const context = await browser.newContext({
        viewport: { width: 1100, height: 900 },
        locale: locale === 'ja' ? 'ja-JP' : 'en-US',
        deviceScaleFactor: 1,
      });
      const [name, value] = (await server.cookieFor(3)).split('=');
      await context.addCookies([{ name: name ?? '', value: value ?? '', url: server.base }]);
      const page = await context.newPage();
      for (const [slug, target] of [
        ['me', '/dash/'],
        ['team', '/dash/team'],
        ['questions', '/dash/questions?sort=reports&order=desc'],
      ] as const) {
        await page.goto(`${server.base}${target}`);
        const file = path.join(OUT, `dashboard-${slug}-${locale}.png`);
        // The top of each page: long tables would make megabyte-sized images.
        await page.screenshot({
          path: file,
          fullPage: true,
          clip: { x: 0, y: 0, width: 1100, height: 1500 },
        });
        written.push(path.relative(ROOT, file));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return `${written.map((f) => `  ${f}`).join('\n')}\n`;
}
