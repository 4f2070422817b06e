import { afterAll, afterEach } from 'vitest';
import { type RedisTarget, startRedisTarget } from './redis-server.js';
import { SIGNING_SECRET } from './slack-harness.js';
import {
  CLIENT_SECRET,
  STATE_SECRET,
  startWorkspacesHarness,
  WORKSPACE_A,
  WORKSPACE_B,
  type WorkspacesHarness,
  type WorkspacesHarnessOptions,
} from './slack-workspaces-harness.js';

/** What must never appear in a log line of the multi-workspace app. */
export const SECRETS = [
  CLIENT_SECRET,
  STATE_SECRET,
  SIGNING_SECRET,
  WORKSPACE_A.botToken,
  WORKSPACE_B.botToken,
];

export interface WorkspacesSuite {
  /**
   * A private redis-server, or null when there is none and `QUIZ_TEST_SKIP_REDIS=1` asked to skip the
   * Redis-backed suites (without that variable the run fails instead: see `redis-requirement.ts`).
   */
  target: RedisTarget | null;
  /** A multi-workspace Slack app on the suite's Redis, stopped after the test. */
  start(options?: WorkspacesHarnessOptions): Promise<WorkspacesHarness>;
}

/** The set-up of every multi-workspace Slack test file: one Redis, one harness per test, both cleaned up. */
export async function workspacesSuite(): Promise<WorkspacesSuite> {
  const target = await startRedisTarget();
  let harness: WorkspacesHarness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });
  afterAll(async () => {
    await target?.close();
  });
  return {
    target,
    async start(options = {}) {
      if (!target) throw new Error('no redis-server for this suite');
      harness = await startWorkspacesHarness(target, options);
      return harness;
    },
  };
}
