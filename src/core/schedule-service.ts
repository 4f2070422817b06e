import { parseCron } from './cron-expression.js';
import type { Messages } from './messages/index.js';
import { messagesFor } from './messages/index.js';
import type { ChannelRef, Locale } from './model.js';
import { weekKey } from './periods.js';
import { PlatformError } from './ports/chat-platform.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { Subscription, SubscriptionStore } from './ports/subscription-store.js';
import type { ScheduleCommands } from './quiz-commands.js';
import type { QuizEngine } from './quiz-engine.js';
import { MAX_ROUND_MS } from './quiz-engine.js';
import type { PlatformLookup, RoundPublisher } from './round-publisher.js';
import { nextSlots, previousSlot } from './slots.js';
import { isValidTimeZone } from './time-zone.js';
import { formatTime, type TextView, textView } from './views.js';

const MINUTE = 60_000;
const WEEK = 7 * 1440 * MINUTE;
/** Slot markers outlive any round (24 h) with room to spare. */
const SLOT_MARKER_TTL = 3 * 1440 * MINUTE;

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
}

/**
 * The daily question's schedule.
 *
 * Exactly once: `tick()` runs every minute on every replica (node-cron drives it). For each subscription
 * it finds the latest slot whose round would still be open and claims a per-channel, per-slot marker
 * with SET NX; only the claimer posts. We rely on the marker rather than node-cron's distributed
 * coordination because the marker is per channel (one slow channel does not hold the others), survives
 * restarts, and is the same check that makes a late post after downtime safe. Nothing lives in process
 * timers: a restarted or extra replica picks up exactly where the store says things are.
 */
export class ScheduleService implements ScheduleCommands {
  private readonly pauseLogged = new Set<string>();

  constructor(private readonly deps: ScheduleServiceDeps) {}

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
    const sub: Subscription = {
      channel,
      cron: cron.trim().split(/\s+/).join(' '),
      timeZone: timeZone ?? existing?.timeZone ?? this.deps.defaults.timeZone,
      digest: existing?.digest ?? true,
      ...(existing?.domain ? { domain: existing.domain } : {}),
      ...(existing?.roundMinutes ? { roundMinutes: existing.roundMinutes } : {}),
    };
    await this.deps.subscriptions.saveSubscription(sub);
    this.pauseLogged.delete(channelKey(channel));
    const view = await this.describe(sub, m);
    return { ...view, title: `${m.scheduleSaved} ${view.title}` };
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
    return parsed.ok ? nextSlots(parsed.fields, sub.timeZone, from, count) : [];
  }

  /** One scheduler step: post what is due in every channel, then close and reveal due rounds. */
  async tick(): Promise<void> {
    const subs = await this.deps.subscriptions.listSubscriptions();
    for (const sub of subs) {
      if (sub.pausedReason) continue;
      try {
        await this.postIfDue(sub);
      } catch (error) {
        this.deps.log.error({ err: error, channel: sub.channel }, 'scheduled post failed');
      }
    }
    await this.deps.publisher.sweep();
  }

  private async postIfDue(sub: Subscription): Promise<void> {
    const parsed = parseCron(sub.cron);
    if (!parsed.ok) return;
    const now = this.deps.clock.now();
    const slot = previousSlot(parsed.fields, sub.timeZone, now, MAX_ROUND_MS);
    if (slot === null) return;
    const closesAt = this.closingTime(sub, slot);
    const { subscriptions, log } = this.deps;
    if (!(await subscriptions.claimSlot(sub.channel, slot, SLOT_MARKER_TTL))) return;
    if (now >= closesAt) {
      log.warn(
        { channel: sub.channel, slot: new Date(slot).toISOString() },
        'slot missed while down; skipped',
      );
      return;
    }
    const late = now - slot > MINUTE;
    try {
      if (sub.digest && this.isFirstSlotOfWeek(sub, slot))
        await this.postDigest(sub.channel, slot, sub.timeZone);
      await this.deps.publisher.publish(sub.channel, {
        ...(sub.domain ? { domain: sub.domain } : {}),
        closesAt,
      });
      if (late)
        log.info({ channel: sub.channel, slot: new Date(slot).toISOString() }, 'missed slot posted late');
    } catch (error) {
      if (error instanceof PlatformError && error.failure === 'channel-gone') {
        await this.pause(sub, error.message);
        return;
      }
      // Give the slot back: the post did not happen, and the next tick may retry it.
      await subscriptions.releaseSlot(sub.channel, slot);
      if (error instanceof PlatformError && error.failure === 'rate-limited') {
        log.warn(
          { channel: sub.channel, retryAfterMs: error.retryAfterMs },
          'rate limited; retrying on a later tick',
        );
        return;
      }
      throw error;
    }
  }

  /** A round lasts until the next slot, at most 24 hours (or the subscription's own length). */
  private closingTime(sub: Subscription, slot: number): number {
    if (sub.roundMinutes) return slot + Math.min(sub.roundMinutes * MINUTE, MAX_ROUND_MS);
    const parsed = parseCron(sub.cron);
    const [next] = parsed.ok ? nextSlots(parsed.fields, sub.timeZone, slot, 1, 2) : [];
    return Math.min(next ?? slot + MAX_ROUND_MS, slot + MAX_ROUND_MS);
  }

  private isFirstSlotOfWeek(sub: Subscription, slot: number): boolean {
    const parsed = parseCron(sub.cron);
    if (!parsed.ok) return false;
    const before = previousSlot(parsed.fields, sub.timeZone, slot - MINUTE, WEEK);
    return before === null || weekKey(before, sub.timeZone) !== weekKey(slot, sub.timeZone);
  }

  private async postDigest(channel: ChannelRef, slot: number, timeZone: string): Promise<void> {
    const m = messagesFor(this.deps.channelLocale);
    const lastWeek = weekKey(slot - WEEK, timeZone);
    const players = await this.deps.engine.leaderboardFor(channel.scope, 'week', lastWeek, 5);
    const teams = await this.deps.engine.teamLeaderboardFor(channel.scope, 'week', lastWeek, 3);
    const sections = [];
    if (players.entries.length > 0) {
      sections.push({
        title: m.digestPlayers,
        body: players.entries.map((e) => m.boardRow(e.rank, e.displayName, e.points)).join('\n'),
      });
    }
    if (teams.entries.length > 0) {
      sections.push({
        title: m.digestTeams,
        body: teams.entries
          .map((e) => m.teamRow(e.rank, e.name, e.average, e.total, e.memberCount))
          .join('\n'),
      });
    }
    const view = textView(m.digestTitle(lastWeek), sections.length === 0 ? [m.digestEmpty] : [], {
      sections,
    });
    await this.deps.platformFor(channel.scope)?.postText(channel, view);
  }

  private async pause(sub: Subscription, reason: string): Promise<void> {
    await this.deps.subscriptions.saveSubscription({ ...sub, pausedReason: reason });
    const key = channelKey(sub.channel);
    if (!this.pauseLogged.has(key)) {
      this.pauseLogged.add(key);
      this.deps.log.warn({ channel: sub.channel, reason }, 'channel unavailable; subscription paused');
    }
  }

  private async describe(sub: Subscription, m: Messages): Promise<TextView> {
    const domain = sub.domain
      ? (this.deps.engine.bank.domain(sub.domain)?.name[m.locale] ?? sub.domain)
      : null;
    const lines = m.scheduleSettings(sub.cron, sub.timeZone, domain, sub.digest, sub.roundMinutes ?? null);
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

function channelKey(channel: ChannelRef): string {
  return `${channel.scope}|${channel.channelId}`;
}
