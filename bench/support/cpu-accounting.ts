import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/**
 * CPU time of the machine and of the processes in a run, so a table can say how much of the machine
 * went elsewhere (other jobs on a shared box make every number worse; the column shows when they did).
 * /proc counts in USER_HZ ticks, 100 per second on every common Linux kernel.
 */

/** Busy CPU seconds of the whole machine since boot, over all cores (everything but idle and iowait). */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100;
}

/** User + system CPU seconds of this process. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** redis-server's own CPU seconds (INFO cpu). */
export async function redisCpuSeconds(admin: Redis): Promise<number> {
  const info = await admin.info('cpu');
  const read = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return read('used_cpu_user') + read('used_cpu_sys');
}
