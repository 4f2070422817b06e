import type { ChannelRef, Locale } from '../model/model.js';
import { weekKey } from '../model/periods.js';
import { messagesFor } from '../presentation/messages/index.js';
import { weeklyDigestView } from '../presentation/views.js';
import type { QuizEngine } from '../rounds/quiz-engine.js';
import type { PlatformLookup } from '../rounds/round-publisher.js';
import type { CronSchedule } from './cron-expression.js';
import { previousSlot } from './slots.js';

const MINUTE = 60_000;
const WEEK = 7 * 1440 * MINUTE;

/** Last week's top players and teams, posted before the first question of each week. */
export class WeeklyDigest {
  constructor(
    private readonly engine: QuizEngine,
    private readonly platformFor: PlatformLookup,
    private readonly locale: Locale,
  ) {}

  /** Whether `slot` is the schedule's first slot of its week (in the schedule's time zone). */
  isFirstSlotOfWeek(schedule: CronSchedule, timeZone: string, slot: number): boolean {
    const before = previousSlot(schedule, timeZone, slot - MINUTE, WEEK);
    return before === null || weekKey(before, timeZone) !== weekKey(slot, timeZone);
  }

  async post(channel: ChannelRef, slot: number, timeZone: string): Promise<void> {
    const m = messagesFor(this.locale);
    const lastWeek = weekKey(slot - WEEK, timeZone);
    const players = await this.engine.leaderboardFor(channel.scope, 'week', lastWeek, 5);
    const teams = await this.engine.teamLeaderboardFor(channel.scope, 'week', lastWeek, 3);
    await this.platformFor(channel.scope)?.postText(channel, weeklyDigestView(lastWeek, players, teams, m));
  }
}
