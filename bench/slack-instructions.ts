import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { RedisQuizStore } from '../src/adapters/redis/redis-quiz-store.js';
import { scopeId } from '../src/core/model/model.js';
import { deleteByPrefix, startRedisTarget } from '../test/support/redis-server.js';
import { type ClickBatch, runClicks } from './support/click-run.js';
import { FakeSlackApi } from './support/fake-slack-api.js';
import {
  type AppUnderTest,
  describeLaunch,
  ourLaunch,
  postRound,
  SIGNING_SECRET,
  startBareApp,
  startOurApp,
} from './support/slack-apps.js';
import { BENCH_TEAM, buttonClick } from './support/slack-requests.js';
import { formatTable } from './support/table.js';

/**
 * Slack clicks counted in machine instructions: each app runs under `valgrind --tool=callgrind` with
 * instrumentation off, is warmed up, and only the timed clicks are counted (`callgrind_control -i on/off`).
 * Unlike CPU time, an instruction count does not change when other jobs load the machine, so two commits
 * (or a change and its parent) can be compared on a busy box. It counts every thread of the process (V8's
 * garbage collector helpers too) but not the kernel's work (socket writes), and it is about 50 times
 * slower than a normal run. Environment, all optional:
 *
 * - `BENCH_INSTR_CLICKS=1000` timed clicks per app (after `BENCH_INSTR_WARMUP=600`),
 *   `BENCH_INSTR_CONNECTIONS=4` (reply-paced: each connection waits for its private reply).
 * - `BENCH_OURS=built`, `BENCH_OURS_ROOT=<checkout>`: which build of our app (see slack-e2e);
 *   `BENCH_OURS_NODE_ARGS`: extra `node` arguments for it (see slack-e2e).
 */

const CLICKS = Number(process.env.BENCH_INSTR_CLICKS ?? 1000);
/** Extra `node` arguments for our app, as in slack-e2e (a GC setting, for an experiment). */
const OURS_NODE_ARGS = (process.env.BENCH_OURS_NODE_ARGS ?? '').split(' ').filter(Boolean);
const WARMUP = Number(process.env.BENCH_INSTR_WARMUP ?? 600);
const CONNECTIONS = Number(process.env.BENCH_INSTR_CONNECTIONS ?? 4);
/** A reply missing after this long is counted as an error rather than waited for. */
const REPLY_TIMEOUT_MS = 60_000;
/** Under valgrind, start-up (loading the bank, JIT) takes minutes rather than seconds. */
const SLOW_MS = 600_000;

interface Counted {
  app: string;
  clicks: number;
  instructions: number;
  errors: number;
  errorNotes: string[];
}

function hasCallgrind(): boolean {
  return spawnSync('callgrind_control', ['--version']).status === 0;
}

/**
 * Posts a round, trying again until the app takes the command: under valgrind the bot token check (and
 * so Bolt's readiness) takes minutes, and /readyz can stay red on a slow PING long after.
 */
async function postRoundWhenReady(app: AppUnderTest, fake: FakeSlackApi, channel: string) {
  const deadline = Date.now() + SLOW_MS;
  for (;;) {
    try {
      return await postRound(app, fake, channel, SLOW_MS);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** The callgrind totals line of a dump: every instruction executed while instrumentation was on. */
function totalInstructions(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const match = /^totals: (\d+)/m.exec(readFileSync(path.join(dir, name), 'utf8'));
    total += Number(match?.[1] ?? 0);
  }
  return total;
}

async function countApp(
  name: 'ours' | 'bare',
  start: (wrapper: string[]) => Promise<AppUnderTest>,
  fake: FakeSlackApi,
  store: RedisQuizStore,
): Promise<Counted> {
  const dir = mkdtempSync(path.join(tmpdir(), `callgrind-${name}-`));
  const wrapper = [
    'valgrind',
    '--tool=callgrind',
    '--instr-atstart=no',
    `--callgrind-out-file=${path.join(dir, `${name}.%p.out`)}`,
  ];
  const app = await start(wrapper);
  try {
    await app.child.waitForHttp(app.origin, SLOW_MS);
    const batchOf = async (tag: string, clicks: number): Promise<ClickBatch> => {
      const channel = `C${tag.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
      const { actionIds } =
        name === 'ours'
          ? await postRoundWhenReady(app, fake, channel)
          : { actionIds: ['ans:bare:A', 'ans:bare:B'] };
      const batch: ClickBatch = { requests: [], ids: [] };
      for (let i = 0; i < clicks; i++) {
        const id = `${tag}-${i}`;
        const user = `U${tag.toUpperCase().replace(/[^A-Z0-9]/g, '')}X${i}`;
        batch.ids.push(id);
        const actionId = actionIds[i % actionIds.length] ?? '';
        batch.requests.push(
          buttonClick({ actionId, channel, user, responseUrl: fake.responseUrl(id) }, SIGNING_SECRET),
        );
        // In teams, as in slack-e2e, so right answers take the team-board path.
        if (name === 'ours')
          await store.joinTeam(scopeId('slack', BENCH_TEAM), user, `team-${i % 10}`, `Team ${i % 10}`);
      }
      return batch;
    };
    const fire = (batch: ClickBatch, connections = CONNECTIONS) =>
      runClicks({
        app: app.child,
        origin: app.origin,
        fake,
        connections,
        pacing: 'reply',
        batch,
        expectedReply: (text) => (name === 'bare' ? text.length > 0 : /^(Correct!|Not quite)/.test(text)),
        redisCpuSeconds: async () => 0,
        replyTimeoutMs: REPLY_TIMEOUT_MS,
      });
    const tag = `${name}-${randomUUID().slice(0, 8)}`;
    // One at a time while the code is compiled (a click then takes seconds under valgrind, and Bolt
    // answers 404 to one not acked within 3 s), then at full concurrency.
    await fire(await batchOf(`${tag}-warm1`, Math.min(50, WARMUP)), 1);
    await fire(await batchOf(`${tag}-warm`, WARMUP));
    const timed = await batchOf(`${tag}-timed`, CLICKS);
    execFileSync('callgrind_control', ['-i', 'on', String(app.child.pid)], { stdio: 'ignore' });
    const result = await fire(timed);
    execFileSync('callgrind_control', ['-i', 'off', String(app.child.pid)], { stdio: 'ignore' });
    execFileSync('callgrind_control', ['-d', String(app.child.pid)], { stdio: 'ignore' });
    // The dump is written by the child on its next scheduling; wait for its totals line.
    let instructions = 0;
    for (let waited = 0; waited < 60_000 && instructions === 0; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      instructions = totalInstructions(dir);
    }
    return {
      app: name,
      clicks: result.clicks,
      instructions,
      errors: result.errors,
      errorNotes: result.errorNotes,
    };
  } finally {
    await app.child.stop(30_000);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSlackInstructions(): Promise<string> {
  if (!hasCallgrind()) return 'slack-instructions: valgrind (callgrind_control) not installed; skipped\n';
  const target = await startRedisTarget();
  if (!target) return 'slack-instructions: no redis-server binary and nothing at REDIS_URL; skipped\n';
  const fake = await new FakeSlackApi().start();
  const admin = new Redis(target.url);
  const keyPrefix = `pqbench-${randomUUID()}`;
  const store = new RedisQuizStore(admin, { prefix: keyPrefix });
  try {
    const ours = await countApp(
      'ours',
      (wrapper) => startOurApp(fake, { url: target.url, keyPrefix }, OURS_NODE_ARGS, ourLaunch(wrapper)),
      fake,
      store,
    );
    const bare = await countApp('bare', (wrapper) => startBareApp(fake, [], { wrapper }), fake, store);
    const perClick = (c: Counted) => c.instructions / c.clicks / 1e6;
    const which = `${describeLaunch(ourLaunch())}${OURS_NODE_ARGS.length > 0 ? ` ${OURS_NODE_ARGS.join(' ')}` : ''}`;
    const rows = [ours, bare].map((c) => [c.app, String(c.clicks), perClick(c).toFixed(2), String(c.errors)]);
    return [
      `Slack clicks in instructions (callgrind; ours: ${which}; ${WARMUP} warm-up clicks, then ${CLICKS} counted, reply-paced over ${CONNECTIONS} connections)`,
      formatTable([['app', 'clicks', 'M instructions/click', 'errors'], ...rows]),
      `  ours/bare  ${(perClick(ours) / perClick(bare)).toFixed(2)}x instructions per click`,
      ...[ours, bare].flatMap((c) => c.errorNotes.map((note) => `  ${c.app}: ${note}`)),
      '',
    ].join('\n');
  } finally {
    if (!target.isPrivate) await deleteByPrefix(admin, keyPrefix);
    admin.disconnect();
    await fake.stop();
    await target.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await benchSlackInstructions());
}
