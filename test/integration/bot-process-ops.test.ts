import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RedisQuizStore } from '../../src/adapters/redis/redis-quiz-store.js';
import { DRAIN_TIMEOUT_MS } from '../../src/app/platform-runtime.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { type BotProcess, clickPayload, lastPostedRound } from '../support/bot-process.js';
import { useProcessTestBed } from '../support/process-test-bed.js';
import { type RedisTarget, startRedisTarget } from '../support/redis-server.js';
import { ROOT } from '../support/run-entry-point.js';

const target = await startRedisTarget();

// Real processes and npm installs: generous bounds, still well inside CI's budget.
describe.skipIf(!target)('the bot process: ops endpoints and graceful shutdown', { timeout: 120_000 }, () => {
  const bed = useProcessTestBed(target);
  const { fake } = bed;

  async function bot(): Promise<{ bot: BotProcess; prefix: string }> {
    const prefix = bed.prefix();
    return { bot: await bed.bot(prefix, { HOST: '127.0.0.1' }), prefix };
  }

  async function postQuestion(b: BotProcess): Promise<{ roundId: string; keys: string[] }> {
    const before = fake.callsOf('chat.postMessage').length;
    await b.command({
      command: '/quiz',
      text: 'post',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'UADMIN',
      user_name: 'admin',
      response_url: fake.responseUrl(`post-${Date.now()}`),
      trigger_id: `t-${Date.now()}`,
    });
    await expect
      .poll(() => fake.callsOf('chat.postMessage').length, { timeout: 5000 })
      .toBeGreaterThan(before);
    return lastPostedRound(fake);
  }

  it('serves /healthz, /readyz and /metrics, and reports Redis trouble as not ready', async () => {
    const { bot: b } = await bot();
    expect((await fetch(`${b.baseUrl}/healthz`)).status).toBe(200);
    // /healthz answers before Slack is connected; /readyz follows once the token check passed.
    await expect.poll(async () => (await fetch(`${b.baseUrl}/readyz`)).status, { timeout: 10_000 }).toBe(200);
    const ready = await fetch(`${b.baseUrl}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(await (await fetch(`${b.opsUrl}/readyz`)).json()).toEqual({ status: 'ready' });

    const { roundId, keys } = await postQuestion(b);
    const res = await b.click(
      clickPayload(
        encodeAction({ kind: 'answer', roundId, choice: keys[0] ?? 'A' }),
        'U1',
        fake.responseUrl('m1'),
      ),
    );
    expect(res.status).toBe(200);
    await expect.poll(() => fake.responsesTo('m1').length, { timeout: 5000 }).toBe(1);
    const metrics = await (await fetch(`${b.opsUrl}/metrics`)).text();
    expect(metrics).toMatch(/quizbot_answers_total\{platform="slack",outcome="(correct|incorrect)"\} 1/);
    expect(metrics).toContain('quizbot_answer_seconds_bucket');
    expect(metrics).toMatch(/quizbot_questions_posted_total\{platform="slack"\} 1/);
    expect(metrics).toContain('quizbot_process_resident_memory_bytes');
    expect(metrics).toContain('quizbot_redis_errors_total');
    expect(metrics).toContain('quizbot_platform_api_errors_total');

    await (target as RedisTarget).stop();
    try {
      const notReady = await fetch(`${b.baseUrl}/readyz`);
      expect(notReady.status).toBe(503);
      // The public port says only that; the reasons are on the internal listener.
      expect(await notReady.json()).toEqual({ status: 'not ready' });
      const why = await fetch(`${b.opsUrl}/readyz`);
      expect(why.status).toBe(503);
      expect(JSON.stringify(await why.json())).toContain('redis:');
      expect((await fetch(`${b.baseUrl}/healthz`)).status).toBe(200); // alive all the same
    } finally {
      await (target as RedisTarget).restart();
    }
    await expect.poll(async () => (await fetch(`${b.baseUrl}/readyz`)).status, { timeout: 10_000 }).toBe(200);
  });

  it('finishes every accepted click when SIGTERM arrives during a burst, then exits 0', async () => {
    const { bot: b, prefix } = await bot();
    const { roundId, keys } = await postQuestion(b);
    fake.responseDelayMs = 300; // replies are still on their way when the signal comes
    try {
      const clicks = Array.from({ length: 120 }, (_, i) => {
        const user = `UT${i}`;
        const action = encodeAction({ kind: 'answer', roundId, choice: keys[i % keys.length] ?? 'A' });
        return b.click(clickPayload(action, user, fake.responseUrl(`sig-${user}`))).then(
          (r) => ({ user, status: r.status }),
          () => ({ user, status: 0 }), // refused: the server had stopped taking work
        );
      });
      await new Promise((r) => setTimeout(r, 150)); // some clicks acked, their replies still delayed
      b.child.kill('SIGTERM');
      const results = await Promise.all(clicks);
      const code = await b.exited;
      expect(code).toBe(0);
      const accepted = results.filter((r) => r.status === 200).map((r) => r.user);
      expect(accepted.length).toBeGreaterThan(0);
      for (const user of accepted) expect(fake.responsesTo(`sig-${user}`)).toHaveLength(1);
      const store = new RedisQuizStore(bed.admin(), { prefix });
      expect((await store.tally('slack:T1', roundId)).total).toBe(accepted.length);
      expect(b.output()).toContain('"clean":true');
    } finally {
      fake.responseDelayMs = 0;
    }
  });

  it('answers every accepted click within the grace period when replies take 5 s at SIGTERM', async () => {
    // The grace period an orchestrator gives before SIGKILL: compose's stop_grace_period.
    const compose = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    const grace = /stop_grace_period:\s*(\d+)s/.exec(compose);
    const graceMs = Number(grace?.[1] ?? 10) * 1000;
    expect(DRAIN_TIMEOUT_MS).toBeLessThan(graceMs);

    const { bot: b } = await bot();
    const { roundId, keys } = await postQuestion(b);
    fake.responseDelayMs = 5000; // Slack is slow: every private reply takes 5 s to be accepted
    try {
      const clicks = Array.from({ length: 20 }, (_, i) => {
        const user = `US${i}`;
        const action = encodeAction({ kind: 'answer', roundId, choice: keys[i % keys.length] ?? 'A' });
        return b.click(clickPayload(action, user, fake.responseUrl(`slow-${user}`))).then(
          (r) => ({ user, status: r.status }),
          () => ({ user, status: 0 }),
        );
      });
      const results = await Promise.all(clicks); // all acked; their replies are on their way
      const signalled = Date.now();
      b.child.kill('SIGTERM');
      const code = await b.exited;
      const tookMs = Date.now() - signalled;
      expect(code).toBe(0);
      expect(tookMs).toBeLessThan(graceMs);
      const accepted = results.filter((r) => r.status === 200).map((r) => r.user);
      expect(accepted).toHaveLength(20);
      for (const user of accepted) expect(fake.responsesTo(`slow-${user}`), user).toHaveLength(1);
    } finally {
      fake.responseDelayMs = 0;
    }
  });
});
