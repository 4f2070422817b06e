import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../../core/ports/logger.js';

/**
 * Runs `tick` at the start of every minute (node-cron drives the schedule). `noOverlap` keeps a slow tick
 * from piling up; all state lives in the store, so stopping loses nothing.
 */
export function startMinuteTicker(tick: () => Promise<void>, log: Logger): ScheduledTask {
  return cron.schedule(
    '* * * * *',
    async () => {
      try {
        await tick();
      } catch (error) {
        log.error({ err: error }, 'scheduler tick failed');
      }
    },
    { name: 'quiz-scheduler', noOverlap: true },
  );
}
