import { benchDashboard } from './dashboard.js';
import { benchDashboardScreenshots } from './dashboard-screenshots.js';
import { benchDiscordEndToEnd } from './discord-e2e.js';
import { benchExamClicks } from './exam-clicks.js';
import { benchFanout } from './fanout.js';
import { benchLookup } from './lookup.js';
import { benchPublicPort } from './public-port.js';
import { benchRedisStore } from './redis-store.js';
import { benchSlackEndToEnd } from './slack-e2e.js';
import { benchSlackInstructions } from './slack-instructions.js';

/**
 * `npm run bench`: every benchmark, printed as tables. Benchmarks measure; they never fail a build
 * (targets are judged by people reading the numbers, see docs/performance.md).
 */
const sections: [string, () => Promise<string>][] = [
  ['lookup', benchLookup],
  ['redis-store', benchRedisStore],
  ['slack-e2e', benchSlackEndToEnd],
  ['discord-e2e', benchDiscordEndToEnd],
  ['fanout', benchFanout],
  ['exam', benchExamClicks],
  ['public-port', benchPublicPort],
  ['dashboard', benchDashboard],
];

/** Run only when named: valgrind makes it take several minutes (`npm run bench -- slack-instructions`). */
const onRequest: [string, () => Promise<string>][] = [
  ['slack-instructions', benchSlackInstructions],
  // Remakes the README's dashboard screenshots (docs/images/dashboard-*.png); Chromium needed.
  ['dashboard-screenshots', benchDashboardScreenshots],
];

const only = process.argv.slice(2);
for (const [name, run] of [...sections, ...onRequest]) {
  const asked = only.includes(name);
  if (only.length > 0 ? !asked : onRequest.some(([n]) => n === name)) continue;
  console.log(`\n== ${name}\n${await run()}`);
}
