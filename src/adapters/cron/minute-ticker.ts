import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../../core/ports/logger.js';

/**
 * Runs `tick` at the start of every minute (node-cron drives the schedule). `noOverlap` keeps a slow tick
 * from piling up; all state lives in the store, so stopping loses nothing.
 *
 * The schedule math itself is croner's (`src/core/schedule/slots.ts`). croner could also drive this ticker
 * (`protect` is its noOverlap), but the ticker only needs "every minute, never overlapping", which this
 * does and its tests cover; swapping it would churn package.json and the lock file for no change in
 * behaviour, so node-cron stays here, outside the core.
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
