import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { request } from 'undici';
import { singleAnswerBank } from '../../test/support/single-answer-bank.js';
import type { FakeSlackApi } from './fake-slack-api.js';
import { freePort, type Launch, NodeChild } from './node-child.js';
import { answerButtons, slashCommand } from './slack-requests.js';

/** The two Slack apps of the end-to-end bench, as child processes pointed at the fake Slack API. */

export const SIGNING_SECRET = 'bench-signing-secret';
export const ADMIN_USER = 'UBENCHADMIN';

export interface AppUnderTest {
  child: NodeChild;
  /** `http://127.0.0.1:<port>` */
  origin: string;
}

/**
 * The real entry point, `node --import tsx src/main.ts`, in Slack HTTP mode on Redis. `nodeArgs` lets
 * a profiling run add `--cpu-prof`.
 */
export async function startOurApp(
  fake: FakeSlackApi,
  redis: { url: string; keyPrefix: string },
  nodeArgs: string[] = [],
  launch: Launch = ourLaunch(),
): Promise<AppUnderTest> {
  const port = await freePort();
  // The bench clicks one choice button: a "choose two" question (a picker) drawn by the seeded pick would
  // stop it, and which question the seed draws changes whenever the bank does. Another checkout (an older
  // commit) reads the single-answer questions of its own bank.
  const bank = singleAnswerBank(launch.cwd);
  process.once('exit', bank.remove);
  const child = NodeChild.spawn(
    'ours',
    ourEntry(launch),
    {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.keyPrefix,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      QUIZ_LOCALE: 'en',
      QUIZ_ADMIN_USER_IDS: ADMIN_USER,
      QUIZ_SEED: '1',
      QUIZ_QUESTIONS_DIR: bank.dir,
    },
    nodeArgs,
    launch,
  );
  return { child, origin: `http://127.0.0.1:${port}` };
}

/**
 * Which build of our app runs: `BENCH_OURS=built` runs `node dist/main.js` (after `npm run build`), as a
 * deployment does; `BENCH_OURS_ROOT=<checkout>` runs another checkout (an older commit, for before/after
 * runs in the same hour). Default: this checkout through tsx.
 */
export function ourLaunch(wrapper?: string[]): Launch {
  const root = process.env.BENCH_OURS_ROOT;
  return {
    ...(root ? { cwd: path.resolve(root) } : {}),
    ...(process.env.BENCH_OURS === 'built' ? { tsx: false } : {}),
    ...(wrapper ? { wrapper } : {}),
  };
}

/** A launch as the report names it: `src/main.ts through tsx`, `dist/main.js in /tmp/old`. */
export function describeLaunch(launch: Launch): string {
  const entry = launch.tsx === false ? 'node dist/main.js' : 'src/main.ts through tsx';
  return launch.cwd ? `${entry} in ${launch.cwd}` : entry;
}

/** The entry point of our app for a launch: the TypeScript source or its build. */
export function ourEntry(launch: Launch): string {
  return launch.tsx === false ? 'dist/main.js' : 'src/main.ts';
}

/** The baseline: Bolt with the same receiver settings, ack + one ephemeral reply, nothing else. */
export async function startBareApp(
  fake: FakeSlackApi,
  nodeArgs: string[] = [],
  launch: Launch = {},
): Promise<AppUnderTest> {
  const port = await freePort();
  const child = NodeChild.spawn(
    'bare',
    'bench/support/bare-bolt-app.ts',
    {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    },
    nodeArgs,
    launch,
  );
  return { child, origin: `http://127.0.0.1:${port}` };
}

/**
 * Posts a fresh daily question into `channel` the way an admin would (a signed `/quiz post`), and reads
 * the round id and the answer buttons off the chat.postMessage the fake received.
 */
export async function postRound(
  app: AppUnderTest,
  fake: FakeSlackApi,
  channel: string,
  timeoutMs = 10_000,
): Promise<{ roundId: string; actionIds: string[] }> {
  const command = slashCommand(
    {
      command: '/quiz',
      text: 'post',
      channel,
      user: ADMIN_USER,
      responseUrl: fake.responseUrl(`post-${randomUUID()}`),
    },
    SIGNING_SECRET,
  );
  const response = await request(`${app.origin}/slack/events`, {
    method: 'POST',
    headers: command.headers,
    body: command.body,
  });
  await response.body.dump();
  if (response.statusCode !== 200) throw new Error(`/quiz post answered HTTP ${response.statusCode}`);
  return answerButtons((await fake.waitForPost(channel, timeoutMs)).blocks);
}
