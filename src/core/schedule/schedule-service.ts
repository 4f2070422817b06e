import type { ChannelRef, Locale } from '../model/model.js';
import { isValidTimeZone } from '../model/time-zone.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Subscription, SubscriptionStore } from '../ports/subscription-store.js';
import type { TextView } from '../ports/views.js';
import type { Messages } from '../presentation/messages/index.js';
import { formatTime, textView } from '../presentation/views.js';
import type { QuizEngine } from '../rounds/quiz-engine.js';
import type { PlatformLookup, RoundPublisher } from '../rounds/round-publisher.js';
import { parseCron } from './cron-expression.js';
import type { ScheduleCommands } from './schedule-commands.js';
import { ScheduledPosts } from './scheduled-posts.js';
import { DEFAULT_LANE_LIMITS, type LaneLimits, type Sleep } from './scope-lanes.js';
import { firstSlotFrom, nextSlots } from './slots.js';

export interface ScheduleServiceDeps {
  subscriptions: SubscriptionStore;
  publisher: RoundPublisher;
  engine: QuizEngine;
  platformFor: PlatformLookup;
  clock: Clock;
  log: Logger;
  defaults: { cron: string; timeZone: string };
  /** The language of channel messages (the digest). */
  channelLocale: Locale;
  /** How many posts run at once, overall and per workspace or guild (defaults: DEFAULT_LANE_LIMITS). */
  limits?: Partial<LaneLimits>;
  /** Waits out a platform's Retry-After (default: a timer). */
  sleep?: Sleep;
}

/**
 * The daily question's schedule: the `/quiz schedule` commands, and the minute tick.
 *
 * Exactly once: `tick()` runs every minute on every replica (node-cron drives it); see `ScheduledPosts`
 * for how the due channels are found and claimed. Nothing lives in process timers: a restarted or extra
 * replica picks up exactly where the store says things are.
 */
export class ScheduleService implements ScheduleCommands {
  private readonly posts: ScheduledPosts;

  constructor(private readonly deps: ScheduleServiceDeps) {
    this.posts = new ScheduledPosts({
      ...deps,
      limits: { ...DEFAULT_LANE_LIMITS, ...deps.limits },
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    });
  }

  async show(channel: ChannelRef, m: Messages): Promise<TextView> {
    const sub = await this.deps.subscriptions.getSubscription(channel);
    if (!sub)
      return textView(m.scheduleTitle, [
        m.scheduleNone(this.deps.defaults.cron, this.deps.defaults.timeZone),
      ]);
    return this.describe(sub, m);
  }

  async set(channel: ChannelRef, cron: string, timeZone: string | undefined, m: Messages): Promise<TextView> {
    const parsed = parseCron(cron);
    if (!parsed.ok) return textView(m.invalidCron(cron, parsed.error));
    if (timeZone !== undefined && !isValidTimeZone(timeZone)) return textView(m.invalidTimeZone(timeZone));
    const existing = await this.deps.subscriptions.getSubscription(channel);
    // The schedule starts now: slots before this moment are never posted, not even as late posts.
    const since = this.deps.clock.now();
    const sub: Subscription = {
      channel,
      cron: parsed.schedule.expression,
      timeZone: timeZone ?? existing?.timeZone ?? this.deps.defaults.timeZone,
      digest: existing?.digest ?? true,
      ...(existing?.domain ? { domain: existing.domain } : {}),
      ...(existing?.roundMinutes ? { roundMinutes: existing.roundMinutes } : {}),
      ...(existing?.extras ? { extras: true } : {}),
      since,
    };
    const first = firstSlotFrom(parsed.schedule, sub.timeZone, since);
    await this.deps.subscriptions.saveSubscription(sub, first);
    const view = await this.describe(sub, m);
    const firstLine = first === null ? [] : [m.scheduleFirstPost(formatTime(first, sub.timeZone, m))];
    return { ...view, title: `${m.scheduleSaved} ${view.title}`, lines: [...firstLine, ...view.lines] };
  }

  async off(channel: ChannelRef, m: Messages): Promise<TextView> {
    return textView(
      (await this.deps.subscriptions.deleteSubscription(channel)) ? m.scheduleOff : m.scheduleNotSubscribed,
    );
  }

  async digest(channel: ChannelRef, enabled: boolean, m: Messages): Promise<TextView> {
    const sub = await this.deps.subscriptions.getSubscription(channel);
    if (!sub) return textView(m.scheduleNotSubscribed);
    await this.deps.subscriptions.saveSubscription({ ...sub, digest: enabled });
    return textView(m.digestSet(enabled));
  }

  async domain(channel: ChannelRef, domain: string | null, m: Messages): Promise<TextView> {
    if (domain !== null && !this.deps.engine.bank.domain(domain)) {
      const known = this.deps.engine.bank.domains().map((d) => d.id);
      return textView(m.unknownDomain(domain, known));
    }
    return this.update(channel, m, (sub) => {
      const { domain: _old, ...rest } = sub;
      return domain === null ? rest : { ...rest, domain };
    });
  }

  async extras(channel: ChannelRef, enabled: boolean, m: Messages): Promise<TextView> {
    return this.update(channel, m, (sub) => {
      const { extras: _old, ...rest } = sub;
      return enabled ? { ...rest, extras: true } : rest;
    });
  }

  /** Whether the channel's daily rounds include extras (an admin's `/quiz post` follows the schedule). */
  async includesExtras(channel: ChannelRef): Promise<boolean> {
    return (await this.deps.subscriptions.getSubscription(channel))?.extras === true;
  }

  async roundLength(channel: ChannelRef, minutes: number | null, m: Messages): Promise<TextView> {
    return this.update(channel, m, (sub) => {
      const { roundMinutes: _old, ...rest } = sub;
      return minutes === null ? rest : { ...rest, roundMinutes: minutes };
    });
  }

  private async update(
    channel: ChannelRef,
    m: Messages,
    change: (sub: Subscription) => Subscription,
  ): Promise<TextView> {
    const sub = await this.deps.subscriptions.getSubscription(channel);
    if (!sub) return textView(m.scheduleNotSubscribed);
    const changed = change(sub);
    await this.deps.subscriptions.saveSubscription(changed);
    const view = await this.describe(changed, m);
    return { ...view, title: `${m.scheduleSaved} ${view.title}` };
  }

  /** The next `count` post times of a subscription (epoch ms). */
  nextPosts(
    sub: Pick<Subscription, 'cron' | 'timeZone'>,
    count: number,
    from = this.deps.clock.now(),
  ): number[] {
    const parsed = parseCron(sub.cron);
    return parsed.ok ? nextSlots(parsed.schedule, sub.timeZone, from, count) : [];
  }

  /**
   * One scheduler step: post what is due in every channel, close and reveal due rounds, score the mock exams
   * whose time ran out and send each player their report, then post team mock days and their summaries.
   */
  async tick(): Promise<void> {
    await this.posts.postDue();
    await this.posts.closeDue();
    await this.posts.finishDueExams();
    await this.posts.mockDays();
  }

  private async describe(sub: Subscription, m: Messages): Promise<TextView> {
    const domain = sub.domain
      ? (this.deps.engine.bank.domain(sub.domain)?.name[m.locale] ?? sub.domain)
      : null;
    const lines = [
      ...m.scheduleSettings(sub.cron, sub.timeZone, domain, sub.digest, sub.roundMinutes ?? null),
      m.scheduleExtras(sub.extras === true),
    ];
    if (sub.pausedReason) {
      // Slack's not_in_channel: the cure is an invitation, which the message names.
      lines.push(
        sub.pausedReason.includes('not_in_channel')
          ? m.schedulePausedNotInChannel(sub.pausedReason)
          : m.schedulePaused(sub.pausedReason),
      );
    }
    const next = this.nextPosts(sub, 3).map((t) => `• ${formatTime(t, sub.timeZone, m)}`);
    return textView(m.scheduleTitle, lines, {
      sections: [{ title: m.scheduleNextTitle(sub.timeZone), body: next.join('\n') }],
    });
  }
}
