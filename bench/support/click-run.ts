import { performance } from 'node:perf_hooks';
import { machineBusySeconds, ownCpuSeconds } from './cpu-accounting.js';
import type { FakeSlackApi } from './fake-slack-api.js';
import { fireRequests } from './load-generator.js';
import type { NodeChild } from './node-child.js';
import type { SignedRequest } from './slack-requests.js';
import { type LatencySummary, summarize } from './stats.js';

/** One timed batch of clicks at one app and one connection count, and what the user waited for. */

export interface ClickBatch {
  /** The signed clicks, each with its own response_url `/response/<ids[i]>`. */
  requests: SignedRequest[];
  ids: string[];
}

/**
 * `ack`: a connection sends its next click as soon as the HTTP response (the ack) is back, like an HTTP
 * load tool; since the app acks before it answers, the answers in flight are not bounded by the
 * connection count. `reply`: it waits for the click's private reply first, so at most `connections`
 * clicks are in flight, like that many people clicking and reading their feedback.
 */
export type Pacing = 'ack' | 'reply';

export interface ClickRunResult {
  app: string;
  pacing: Pacing;
  connections: number;
  clicks: number;
  /** Clicks completed per second: first send to the last HTTP response or private reply, whichever is later. */
  clicksPerSecond: number;
  /** Send to HTTP response (the ack). */
  http: LatencySummary;
  /** Send to the private reply's arrival at the fake Slack (what the person waits for). */
  reply: LatencySummary;
  errors: number;
  /** Why, when there were errors: `3 x HTTP 500`, `2 x no private reply`. */
  errorNotes: string[];
  /** CPU time per click in ms (user + system): the app, the bench process (load generator and fake Slack), Redis. */
  cpuMsPerClick: { app: number; bench: number; redis: number };
  /** Cores busy with anything else on the machine during the run, on average. */
  otherCores: number;
}

export interface ClickRunInput {
  app: NodeChild;
  origin: string;
  fake: FakeSlackApi;
  connections: number;
  pacing: Pacing;
  batch: ClickBatch;
  /** Whether a reply text is the expected one (e.g. feedback on a recorded answer). */
  expectedReply: (text: string) => boolean;
  /** redis-server's CPU seconds so far (0 when the app does not use it). */
  redisCpuSeconds: () => Promise<number>;
  /** How long to wait for a private reply. */
  replyTimeoutMs?: number;
}

export async function runClicks(input: ClickRunInput): Promise<ClickRunResult> {
  const { app, fake, batch } = input;
  const replyTimeoutMs = input.replyTimeoutMs ?? 30_000;
  const cpu = { app: app.cpuSeconds(), bench: ownCpuSeconds(), redis: await input.redisCpuSeconds() };
  const machine = machineBusySeconds();
  const wallStart = performance.now();
  const fired = await fireRequests(input.origin, '/slack/events', batch.requests, {
    connections: input.connections,
    ...(input.pacing === 'reply'
      ? { afterResponse: (i: number) => fake.waitForReply(batch.ids[i] ?? '', replyTimeoutMs) }
      : {}),
  });
  const missing = await fake.waitForReplies(batch.ids, replyTimeoutMs);
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const used = {
    app: app.cpuSeconds() - cpu.app,
    bench: ownCpuSeconds() - cpu.bench,
    redis: (await input.redisCpuSeconds()) - cpu.redis,
  };
  const machineSeconds = machineBusySeconds() - machine;

  const problems = new Map<string, number>();
  const note = (why: string) => problems.set(why, (problems.get(why) ?? 0) + 1);
  const httpMs: number[] = [];
  const replyMs: number[] = [];
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  fired.forEach((click, i) => {
    start = Math.min(start, click.sentAt);
    if (click.error) note(`request failed (${click.error})`);
    else if (click.status !== 200) note(`HTTP ${click.status}`);
    else {
      httpMs.push(click.respondedAt - click.sentAt);
      end = Math.max(end, click.respondedAt);
    }
    const reply = fake.replies.get(batch.ids[i] ?? '');
    if (!reply) return; // counted once below, as `missing`
    replyMs.push(reply.at - click.sentAt);
    end = Math.max(end, reply.at);
    if (!input.expectedReply(reply.text)) note(`unexpected reply "${reply.text.slice(0, 60)}"`);
  });
  if (missing > 0) problems.set('no private reply', missing);
  const perClick = (seconds: number) => (seconds * 1000) / fired.length;
  return {
    app: app.name,
    pacing: input.pacing,
    connections: input.connections,
    clicks: fired.length,
    clicksPerSecond: fired.length / ((end - start) / 1000),
    http: summarize(httpMs),
    reply: summarize(replyMs),
    errors: [...problems.values()].reduce((sum, n) => sum + n, 0),
    errorNotes: [...problems].map(([why, n]) => `${n} x ${why}`),
    cpuMsPerClick: { app: perClick(used.app), bench: perClick(used.bench), redis: perClick(used.redis) },
    otherCores: Math.max(0, machineSeconds - used.app - used.bench - used.redis) / wallSeconds,
  };
}
