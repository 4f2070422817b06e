import { type APIGatewayBotInfo, REST, Routes, ShardingManager } from 'discord.js';
import type { Logger } from '../../core/ports/logger.js';
import type { DiscordSettings } from './discord-bot.js';

/**
 * The environment variable discord.js's ShardingManager sets to `true` in every shard process (next to
 * SHARDS and SHARD_COUNT, which the Client reads by itself). The entry point checks it (through config)
 * to run as a shard rather than launch shards again.
 */
export const SHARD_CHILD_ENV = 'SHARDING_MANAGER';

export interface ShardLauncherDeps {
  /** The script every shard runs: the bot's own entry point. */
  entry: string;
  settings: Pick<DiscordSettings, 'token' | 'apiUrl'> & { shards: 'auto' | number };
  log: Logger;
  /** Node flags for the shard processes; default: this process's own (e.g. tsx's loader). */
  execArgv?: readonly string[];
  /** Pause between shard starts: Discord allows one IDENTIFY per 5 s (per max_concurrency bucket). */
  spawnDelayMs?: number;
  /** How long one shard may take to become ready; -1 waits forever. */
  spawnTimeoutMs?: number;
}

export interface ShardLauncher {
  manager: ShardingManager;
  stop(): Promise<void>;
}

/**
 * `auto` asks Discord (GET /gateway/bot) for its recommendation through the configured REST base.
 * ShardingManager's own `auto` ignores DISCORD_API_URL (it uses a hard-coded URL), hence this.
 */
export async function resolveShardCount(settings: ShardLauncherDeps['settings']): Promise<number> {
  if (settings.shards !== 'auto') return settings.shards;
  const rest = new REST({ ...(settings.apiUrl ? { api: settings.apiUrl } : {}) }).setToken(settings.token);
  const info = (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo;
  return Math.max(1, info.shards);
}

/**
 * Runs the bot as several processes, one per shard (only needed past ~2,500 servers). Each shard is a
 * whole bot: it answers the interactions of its servers and runs the scheduler, and the store's per-slot
 * markers make sure each scheduled question is still posted once. This process only supervises:
 * discord.js restarts a shard that exits.
 */
export async function launchShards(deps: ShardLauncherDeps): Promise<ShardLauncher> {
  const totalShards = await resolveShardCount(deps.settings);
  const manager = new ShardingManager(deps.entry, {
    token: deps.settings.token,
    totalShards,
    mode: 'process',
    respawn: true,
    execArgv: [...(deps.execArgv ?? process.execArgv)],
  });
  manager.on('shardCreate', (shard) => {
    deps.log.info({ shardId: shard.id, totalShards }, 'shard starting');
    shard.on('death', () => deps.log.warn({ shardId: shard.id }, 'shard process exited'));
  });
  await manager.spawn({
    amount: totalShards,
    delay: deps.spawnDelayMs ?? 5500,
    timeout: deps.spawnTimeoutMs ?? 60_000,
  });
  return {
    manager,
    async stop() {
      manager.respawn = false;
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}
