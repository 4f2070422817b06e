import type { Redis } from 'ioredis';

/**
 * What Redis executed, per command name. INFO commandstats counts every command, including those a
 * Lua script runs; MONITOR tells the two apart (a script's commands come from source "lua") and names
 * the connection of each client-issued command.
 */

export type CommandCounts = Map<string, number>;

/** The connection name of the bench's own Redis client; MONITOR leaves its commands out. */
export const BENCH_CONNECTION = 'bench';

/** Calls per command name, and the microseconds Redis spent in each (a script's `usec` includes its commands). */
export interface CommandStats {
  calls: CommandCounts;
  usec: CommandCounts;
}

export async function commandStats(admin: Redis): Promise<CommandStats> {
  const stats: CommandStats = { calls: new Map(), usec: new Map() };
  const info = await admin.info('commandstats');
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) {
    stats.calls.set(match[1] ?? '', Number(match[2]));
    stats.usec.set(match[1] ?? '', Number(match[3]));
  }
  return stats;
}

/** after - before, without the bench's own INFO calls and without zero entries. */
export function commandDelta(before: CommandCounts, after: CommandCounts): CommandCounts {
  const delta: CommandCounts = new Map();
  for (const [name, calls] of after) {
    const n = calls - (before.get(name) ?? 0);
    if (n > 0 && name !== 'info') delta.set(name, n);
  }
  return delta;
}

export function addCounts(into: CommandCounts, more: CommandCounts): void {
  for (const [name, n] of more) into.set(name, (into.get(name) ?? 0) + n);
}

export interface MonitoredCommands {
  /** Client-issued commands by `<client name> <command>`. */
  fromClients: CommandCounts;
  /** Commands run inside scripts, by name. */
  insideScripts: CommandCounts;
}

/**
 * Watches every command Redis runs while `work` runs. MONITOR slows Redis down, so it is used on a
 * separate sample, never on the timed runs.
 */
export async function monitorCommands(admin: Redis, work: () => Promise<void>): Promise<MonitoredCommands> {
  const names = await clientNames(admin);
  const fromClients: CommandCounts = new Map();
  const insideScripts: CommandCounts = new Map();
  const monitor = await admin.monitor();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const command = (args[0] ?? '').toLowerCase();
    if (source === 'lua') {
      insideScripts.set(command, (insideScripts.get(command) ?? 0) + 1);
      return;
    }
    const name = names.get(source) ?? 'unnamed';
    if (name === BENCH_CONNECTION) return;
    const key = `${name} ${command}`;
    fromClients.set(key, (fromClients.get(key) ?? 0) + 1);
  });
  try {
    await work();
    // The last replies may still be in flight on the monitor connection.
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    monitor.disconnect();
  }
  return { fromClients, insideScripts };
}

/** `addr` -> `name` (or `unnamed`) of every connected client. */
async function clientNames(admin: Redis): Promise<Map<string, string>> {
  const list = String(await admin.client('LIST'));
  const names = new Map<string, string>();
  for (const line of list.split('\n')) {
    const addr = /\baddr=(\S+)/.exec(line)?.[1];
    if (addr) names.set(addr, /\bname=(\S+)/.exec(line)?.[1] || 'unnamed');
  }
  return names;
}

/** `3 evalsha, 1 hget` per unit, largest first. */
export function perUnit(counts: CommandCounts, units: number, digits = 2): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${(n / units).toFixed(digits)} ${name}`)
    .join(', ');
}
