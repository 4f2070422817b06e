import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/bot-process.js';
import { FakeSlack } from '../support/fake-slack.js';
import { ROOT } from '../support/run-entry-point.js';
import { SIGNING_SECRET } from '../support/slack-harness.js';
import { statusOf } from '../support/spawned-main.js';

/**
 * `npm start` as an operator or a process manager stops it: a signal to npm itself. npm forwards it to the
 * script's shell only, so a shell that ran the bot as its child would exit and leave the bot holding the port.
 */

/** The pids still alive in the session `npm start` was started in (it leads its own session). */
function sessionPids(sid: number): number[] {
  const listed = execFileSync('ps', ['-e', '-o', 'pid=,sid='], { encoding: 'utf8' });
  return listed
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, session]) => session === sid && pid !== undefined && pid > 0)
    .map(([pid]) => pid as number);
}

describe('npm start and signals', { timeout: 60_000 }, () => {
  let slack: FakeSlack;
  const started: ChildProcess[] = [];
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    for (const child of started)
      if (child.pid) for (const pid of sessionPids(child.pid)) process.kill(pid, 'SIGKILL');
    await slack.stop();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('%s to npm stops the bot and frees its port', async (signal) => {
    const port = await freePort();
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      detached: true, // its own session, so every process it starts can be found afterwards
      stdio: ['pipe', 'ignore', 'ignore'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        QUIZ_STORE: 'memory',
        HOST: '127.0.0.1',
        PORT: String(port),
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
    });
    started.push(npm);
    const sid = npm.pid as number;
    await expect.poll(() => statusOf(`http://127.0.0.1:${port}/healthz`), { timeout: 20_000 }).toBe(200);
    process.kill(sid, signal);
    await expect.poll(() => sessionPids(sid), { timeout: 10_000 }).toEqual([]);
    expect(await statusOf(`http://127.0.0.1:${port}/healthz`)).toBe(0);
  });
});
