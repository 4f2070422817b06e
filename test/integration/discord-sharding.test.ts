import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  launchShards,
  resolveShardCount,
  type ShardLauncher,
} from '../../src/adapters/discord/shard-launcher.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { embedOf } from '../support/discord-harness.js';
import { ALICE, slash } from '../support/discord-interactions.js';
import { FakeDiscord } from '../support/fake-discord.js';

/**
 * DISCORD_SHARDS=auto: the launcher asks /gateway/bot (through DISCORD_API_URL) how many shards, and
 * ShardingManager starts one process per shard; each identifies with its own shard id and answers.
 */

let fake: FakeDiscord;
let launcher: ShardLauncher | undefined;
const saved = { ...process.env };

beforeAll(async () => {
  fake = await FakeDiscord.start({ shards: 2 });
  // The shard processes inherit this environment (the ShardingManager adds SHARDS, SHARD_COUNT, the token).
  Object.assign(process.env, { DISCORD_API_URL: fake.apiUrl, QUIZ_STORE: 'memory', QUIZ_LOCALE: 'en' });
});

afterAll(async () => {
  await launcher?.stop();
  await fake?.close();
  for (const key of ['DISCORD_API_URL', 'QUIZ_STORE', 'QUIZ_LOCALE'] as const) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

it('resolves "auto" through the configured REST base', async () => {
  expect(await resolveShardCount({ token: 'fake-token', apiUrl: fake.apiUrl, shards: 'auto' })).toBe(2);
  expect(await resolveShardCount({ token: 'fake-token', shards: 3 })).toBe(3);
});

it('runs one process per shard; each identifies as its shard and handles its interactions', async () => {
  launcher = await launchShards({
    entry: path.resolve(import.meta.dirname, '../support/discord-shard-child.ts'),
    settings: { token: 'fake-token', apiUrl: fake.apiUrl, shards: 'auto' },
    log: silentLogger,
    execArgv: ['--import', 'tsx'],
    spawnDelayMs: 0,
  });
  expect(launcher.manager.shards.size).toBe(2);
  await fake.waitForSessions(2);
  const shards = fake.identifies.map((i) => (i as { shard: number[] }).shard).sort();
  expect(shards).toEqual([
    [0, 2],
    [1, 2],
  ]);
  for (const shardId of [0, 1]) {
    const payload = slash('quiz', ['me'], {}, ALICE);
    fake.dispatchInteraction(payload, shardId);
    // Answered in the interaction callback itself (the store is quick).
    const reply = await fake.waitForRequest(
      (r) => r.method === 'POST' && r.route.includes(`/${payload.token}/callback`),
    );
    expect(embedOf(reply).title).toBe('Stats for Alice A.');
  }
}, 30_000);
