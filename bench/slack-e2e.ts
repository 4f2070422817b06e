import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { deleteByPrefix, startRedisTarget } from '../test/support/redis-server.js';
import type { Pacing } from './support/click-run.js';
import { FakeSlackApi } from './support/fake-slack-api.js';
import { BENCH_CONNECTION } from './support/redis-commands.js';
import {
  type AppUnderTest,
  describeLaunch,
  ourLaunch,
  startBareApp,
  startOurApp,
} from './support/slack-apps.js';
import { type Level, measureSlack } from './support/slack-measure.js';
import { formatSlackReport } from './support/slack-report.js';

/**
 * Slack end to end: signed block_actions clicks over HTTP (undici Pool, keep-alive) at the real entry
 * point (`src/main.ts` on a private redis-server) and at a bare Bolt app, with a fake Slack API in this
 * process receiving the private replies. Prints tables; asserts nothing. Environment, all optional:
 *
 * - `BENCH_SLACK_LEVELS="1:3000,32:3000"` (connections:clicks), `BENCH_SLACK_PACING=ack|reply`,
 *   `BENCH_TRIALS=1`: a narrower run, e.g. for a profile.
 * - `BENCH_CPU_PROF=<dir>`: both apps write V8 CPU profiles to `<dir>/ours` and `<dir>/bare`
 *   (read them with `npx tsx bench/support/cpu-profile.ts <dir>/ours/*.cpuprofile`).
 * - `BENCH_OURS_NODE_ARGS="--max-semi-space-size=32"`: extra node arguments for our app (experiments);
 *   `BENCH_BARE_NODE_ARGS` the same for the bare app, so a probe (a GC observer, say) can watch both.
 * - `BENCH_OURS=built`: our app as deployed, `node dist/main.js` (run `npm run build` first);
 *   `BENCH_OURS_ROOT=<checkout>`: our app from another checkout (an older commit, for before/after).
 * - `BENCH_PROGRESS=1`: progress on stderr.
 */

/** Enough clicks per level for a stable p99, the whole section in about a minute and a half. */
const LEVELS = parseLevels(process.env.BENCH_SLACK_LEVELS ?? '1:1000,32:3000,256:5000');
const PACING = process.env.BENCH_SLACK_PACING;
const PACINGS: readonly Pacing[] = PACING === 'ack' || PACING === 'reply' ? [PACING] : ['ack', 'reply'];
/** Each level runs this often per app; the fastest trial is shown, the errors of all count. */
const TRIALS = Number(process.env.BENCH_TRIALS ?? 2);

function parseLevels(text: string): Level[] {
  return text.split(',').map((entry) => {
    const [connections, clicks] = entry.split(':').map(Number);
    if (!connections || !clicks)
      throw new Error(`BENCH_SLACK_LEVELS: want connections:clicks, got "${entry}"`);
    return [connections, clicks] as const;
  });
}

const progress = (what: string) => {
  if (process.env.BENCH_PROGRESS) process.stderr.write(`[slack-e2e ${new Date().toISOString()}] ${what}\n`);
};

function profileArgs(app: 'ours' | 'bare'): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir, app)}`] : [];
}

export async function benchSlackEndToEnd(): Promise<string> {
  const target = await startRedisTarget();
  if (!target) return 'slack-e2e: no redis-server binary and nothing at REDIS_URL; skipped\n';
  const fake = await new FakeSlackApi().start();
  // Named, so the MONITOR sample can leave the bench's own commands out.
  const admin = new Redis(target.url, { connectionName: BENCH_CONNECTION });
  const keyPrefix = `pqbench-${randomUUID()}`;
  const oursArgs = (process.env.BENCH_OURS_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const bareArgs = (process.env.BENCH_BARE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  let ours: AppUnderTest | undefined;
  let bare: AppUnderTest | undefined;
  try {
    ours = await startOurApp(fake, { url: target.url, keyPrefix }, [...oursArgs, ...profileArgs('ours')]);
    bare = await startBareApp(fake, [...bareArgs, ...profileArgs('bare')]);
    await Promise.all([ours.child.waitForHttp(ours.origin), bare.child.waitForHttp(bare.origin)]);
    const result = await measureSlack({ ours, bare }, fake, admin, keyPrefix, {
      levels: LEVELS,
      pacings: PACINGS,
      trials: TRIALS,
      warmUp: [32, 1000],
      monitorSample: [16, 500],
      teams: 10,
      progress,
    });
    result.redis = target.isPrivate ? 'private redis-server' : `shared server at ${target.url}`;
    result.ours = describeLaunch(ourLaunch());
    return formatSlackReport(result);
  } finally {
    await Promise.all([ours?.child.stop(), bare?.child.stop()]);
    if (!target.isPrivate) await deleteByPrefix(admin, keyPrefix);
    admin.disconnect();
    await fake.stop();
    await target.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await benchSlackEndToEnd());
}
