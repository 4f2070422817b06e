import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startRedisTarget } from '../support/redis-server.js';
import {
  startWorkspacesHarness,
  WORKSPACE_A,
  WORKSPACE_B,
  type WorkspacesHarness,
} from '../support/slack-workspaces-harness.js';
import { subscribe } from '../support/slack-workspaces-steps.js';

/**
 * Issue 17.1 through real Bolt and its WebClient: a 429 from one workspace holds up only that workspace.
 * WebClient, left to itself, waits out a 429 by pausing its whole request queue, which would hold up
 * every workspace for the Retry-After (here two minutes, far beyond the test's time limit).
 */
const target = await startRedisTarget();
let harness: WorkspacesHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});
afterAll(async () => {
  await target?.close();
});

describe.skipIf(!target)('Slack rate limits per workspace', () => {
  it('a 429 from one workspace delays only that workspace; it posts on a later tick', {
    timeout: 30_000,
  }, async () => {
    if (!target) return;
    const h = await startWorkspacesHarness(target);
    harness = h;
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    await subscribe(h, WORKSPACE_A, 'CA1');
    for (let i = 1; i <= 8; i++) await subscribe(h, WORKSPACE_B, `CB${i}`);
    const postsTo = (prefix: string) =>
      h.fake
        .callsOf('chat.postMessage')
        .filter((c) => String(c.body.channel).startsWith(prefix) && c.body.metadata !== undefined);

    h.fake.rateLimitNext('chat.postMessage', WORKSPACE_A.botToken, 120);
    await h.app.schedule.tick();
    expect(postsTo('CB')).toHaveLength(8);
    expect(postsTo('CA')).toHaveLength(1); // the attempt that got the 429

    h.clock.advance(60_000);
    await h.app.schedule.tick();
    expect(postsTo('CA')).toHaveLength(2);
    expect(postsTo('CB')).toHaveLength(16); // an every-minute schedule: the next minute's questions
  });
});
