import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { FakeSlack } from './fake-slack.js';
import { ROOT } from './run-entry-point.js';
import { SIGNING_SECRET, slackSignature } from './slack-harness.js';

/** A real bot process (`src/main.ts`) in Slack HTTP mode, for tests that restart, kill or scale it. */
export interface BotProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** The internal listener (METRICS_PORT on loopback): /metrics and the detailed /readyz. */
  opsUrl: string;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  click(payload: Record<string, unknown>): Promise<Response>;
  command(fields: Record<string, string>): Promise<Response>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const metricsPort = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      LOG_LEVEL: 'info',
      QUIZ_LOCALE: 'en',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot exited early:\n${output}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const post = (body: string) =>
    fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body) },
    });
  return {
    child,
    port,
    baseUrl,
    opsUrl: `http://127.0.0.1:${env.METRICS_PORT ?? metricsPort}`,
    output: () => output,
    exited,
    click: (payload) => post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString()),
    command: (fields) => post(new URLSearchParams(fields).toString()),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A signed-click payload for `actionId` by `user`, replying to `responseUrl`. */
export function clickPayload(
  actionId: string,
  user: string,
  responseUrl: string,
  team = 'T1',
): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: team },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: team },
    api_app_id: 'A1',
    trigger_id: `trig-${user}-${Math.random().toString(36).slice(2)}`,
    channel: { id: 'C1' },
    container: { type: 'message', channel_id: 'C1', message_ts: '1.1' },
    response_url: responseUrl,
    actions: [
      { type: 'button', action_id: actionId, block_id: 'answers', value: actionId, action_ts: '1.2' },
    ],
  };
}

/** The round id and choice keys of the last question the bot posted to the fake. */
export function lastPostedRound(fake: FakeSlack): { roundId: string; keys: string[] } {
  const post = fake
    .callsOf('chat.postMessage')
    .findLast((c) => JSON.stringify(c.body.blocks ?? '').includes('ans:'));
  const actions = [
    ...JSON.stringify(post?.body.blocks ?? '').matchAll(/"action_id":"ans:([^:"]+):([A-E])"/g),
  ];
  const roundId = actions[0]?.[1];
  if (!roundId) throw new Error('no question posted');
  return { roundId, keys: actions.map((a) => a[2] ?? '') };
}
