import { ExamService } from '../exam/exam-service.js';
import type { Locale } from '../model/model.js';
import { PlatformError } from '../ports/chat-platform.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Subscription, SubscriptionStore } from '../ports/subscription-store.js';
import { examReportView } from '../presentation/exam-views.js';
import { messagesFor } from '../presentation/messages/index.js';
import { mockDayPostView, mockDaySummaryView } from '../presentation/mock-day-views.js';
import type { QuizEngine } from '../rounds/quiz-engine.js';
import { MAX_ROUND_MS } from '../rounds/quiz-engine.js';
import type { PlatformLookup, RoundPublisher } from '../rounds/round-publisher.js';
import { type CronSchedule, parseCron } from './cron-expression.js';
import { type LaneLimits, type LaneOutcome, runInScopeLanes, type Sleep } from './scope-lanes.js';
import { nextSlots, previousSlot } from './slots.js';
import { WeeklyDigest } from './weekly-digest.js';

const MINUTE = 60_000;
/** Slot markers outlive any round (24 h) with room to spare. */
const SLOT_MARKER_TTL = 3 * 1440 * MINUTE;
/**
 * Due subscriptions (or rounds) read per store call, and the most calls one tick makes. A batch runs to
 * its end before the next is read, and the index keeps a workspace's channels together, so a batch must
 * span many workspaces to keep every lane busy: with 500, a tick of 10,000 channels in 100 workspaces
 * ran about 5 workspaces (20 posts) at a time instead of 64.
 */
const BATCH = 5000;
const MAX_BATCHES = 40;
/** When a channel whose slot another replica claimed is looked at again, if that one has not moved it on. */
const CLAIMED_RECHECK_MS = 5 * MINUTE;

const DONE: LaneOutcome = { kind: 'done' };

export interface ScheduledPostsDeps {
  subscriptions: SubscriptionStore;
  publisher: RoundPublisher;
  engine: QuizEngine;
  platformFor: PlatformLookup;
  clock: Clock;
  log: Logger;
  channelLocale: Locale;
  limits: LaneLimits;
  sleep: Sleep;
}

/** What one channel's turn in a tick came to: how its lane goes on, and whether it is still due. */
interface Turn {
  outcome: LaneOutcome;
  stillDue: boolean;
}

/**
 * The scheduler's tick: posts what is due and closes what is over, with work proportional to what is due.
 *
 * Due channels come from the store's post-time index; each is posted in its scope's lane (bounded
 * concurrency per workspace or guild and overall, a rate limit pausing only its own lane). Exactly once:
 * every replica reads the same due channels, and a per-channel, per-slot marker (SET NX) lets one of them
 * post; that one moves the channel to its next post time (the others look again in a few minutes, in
 * case it died). A failed post leaves the channel due, so a later tick posts the same round again while
 * the slot's round would still be open.
 */
export class ScheduledPosts {
  private readonly digest: WeeklyDigest;
  private readonly exams: ExamService;

  constructor(private readonly deps: ScheduledPostsDeps) {
    this.digest = new WeeklyDigest(deps.engine, deps.platformFor, deps.channelLocale);
    this.exams = new ExamService(deps.engine);
  }

  async postDue(): Promise<void> {
    const now = this.deps.clock.now();
    let offset = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = await this.deps.subscriptions.dueSubscriptions(now, BATCH, offset);
      const stillDue = new Set<string>();
      await runInScopeLanes(
        due,
        (sub) => sub.channel.scope,
        async (sub) => {
          const turn = await this.turn(sub).catch((error: unknown): Turn => {
            this.deps.log.error({ err: error, channel: sub.channel }, 'scheduled post failed');
            return { outcome: DONE, stillDue: true };
          });
          const key = `${sub.channel.scope}|${sub.channel.channelId}`;
          if (turn.stillDue) stillDue.add(key);
          else stillDue.delete(key);
          return turn.outcome;
        },
        this.deps.limits,
        this.deps.sleep,
      );
      // Channels moved on have left the due range; the ones still due are skipped on the next read.
      offset += stillDue.size;
      if (due.length < BATCH) break;
    }
  }

  /**
   * Scores every mock exam whose time ran out and sends each player their report privately. Exactly once across
   * replicas: the store submits an exam once, and only the replica whose submission took sends it. A failed send
   * loses nothing: the result is in the player's history and `/quiz exam report` shows it.
   */
  async finishDueExams(): Promise<void> {
    const { engine, log } = this.deps;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = await this.exams.dueExams(BATCH);
      let finished = 0;
      await runInScopeLanes(
        due,
        (ref) => ref.scope,
        async (ref) => {
          try {
            const report = await this.exams.finishDue(ref);
            if (!report) return DONE;
            finished += 1;
            const locale = (await engine.userLocale(ref.scope, ref.playerId)) ?? this.deps.channelLocale;
            const m = messagesFor(locale);
            const view = examReportView(report, engine.bank, m, 1, m.exam.timedOut);
            await this.deps.platformFor(ref.scope)?.sendPrivately(ref.scope, ref.playerId, view);
            return DONE;
          } catch (error) {
            if (error instanceof PlatformError && error.failure === 'rate-limited') {
              return { kind: 'rate-limited', retryAfterMs: error.retryAfterMs ?? 1000 };
            }
            log.error({ err: error, exam: ref }, 'timed-out exam not reported; its result is in the history');
            return DONE;
          }
        },
        this.deps.limits,
        this.deps.sleep,
      );
      if (due.length < BATCH || finished === 0) break;
    }
  }

  /**
   * Team mock days: the channel post with the Start button at the start, the summary when the window has closed
   * and every exam's time has run out. Each step once across replicas (the store advances a day once).
   */
  async mockDays(): Promise<void> {
    const { engine, log } = this.deps;
    const m = messagesFor(this.deps.channelLocale);
    for (const step of await this.exams.dueMockDaySteps()) {
      const { day } = step;
      const channel = { scope: day.scope, channelId: day.channelId };
      try {
        const platform = this.deps.platformFor(day.scope);
        if (step.step === 'post') {
          await platform?.postText(channel, mockDayPostView(day, engine.timeZone, m));
          continue;
        }
        const publicPlayers = new Set(await this.exams.publicPlayers(day.scope));
        const view = mockDaySummaryView(day, step.entries, publicPlayers, engine.bank, m);
        await platform?.postText(channel, view);
      } catch (error) {
        // The step is taken; the results stay in every player's history.
        log.error({ err: error, mockDay: day.id, step: step.step }, 'mock day post failed');
      }
    }
  }

  /** Reveals every round whose time is up, in the same lanes; one failing round does not stop the others. */
  async closeDue(): Promise<void> {
    const { engine, publisher, log } = this.deps;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = await engine.dueRounds(BATCH);
      let revealed = 0;
      await runInScopeLanes(
        due,
        (ref) => ref.scope,
        async (ref) => {
          try {
            if ((await publisher.closeAndReveal(ref)) === 'revealed') revealed += 1;
            return DONE;
          } catch (error) {
            if (error instanceof PlatformError && error.failure === 'rate-limited') {
              return { kind: 'rate-limited', retryAfterMs: error.retryAfterMs ?? 1000 };
            }
            log.error({ err: error, round: ref }, 'reveal failed; the next sweep retries');
            return DONE;
          }
        },
        this.deps.limits,
        this.deps.sleep,
      );
      // Rounds that failed, or that another replica is revealing, stay due at the front of the index:
      // a batch that revealed nothing would only read them again, so the next tick takes over.
      if (due.length < BATCH || revealed === 0) break;
    }
  }

  private async turn(sub: Subscription): Promise<Turn> {
    const { subscriptions, clock, log } = this.deps;
    const parsed = parseCron(sub.cron);
    if (sub.pausedReason || !parsed.ok) {
      await subscriptions.setNextPost(sub.channel, null);
      return { outcome: DONE, stillDue: false };
    }
    const { schedule } = parsed;
    const now = clock.now();
    const next = nextSlots(schedule, sub.timeZone, now, 1)[0] ?? null;
    const slot = previousSlot(schedule, sub.timeZone, now, MAX_ROUND_MS);
    // A slot before the schedule was set or changed is never posted, not even late.
    if (slot === null || slot < (sub.since ?? Number.NEGATIVE_INFINITY)) {
      await subscriptions.setNextPost(sub.channel, next);
      return { outcome: DONE, stillDue: false };
    }
    // Another replica has this slot (or had it: a marker outlives a crashed claimer). It moves the
    // channel on when it is done; until then we look again in a few minutes, never pulling back a channel
    // it has already moved to its next slot.
    if (!(await subscriptions.claimSlot(sub.channel, slot, SLOT_MARKER_TTL))) {
      const recheck = Math.min(next ?? Number.POSITIVE_INFINITY, now + CLAIMED_RECHECK_MS);
      await subscriptions.setNextPost(sub.channel, recheck, { onlyLater: true });
      return { outcome: DONE, stillDue: false };
    }
    const closesAt = closingTime(sub, schedule, slot);
    if (now >= closesAt) {
      log.warn(
        { channel: sub.channel, slot: new Date(slot).toISOString() },
        'slot missed while down; skipped',
      );
      await subscriptions.setNextPost(sub.channel, next);
      return { outcome: DONE, stillDue: false };
    }
    try {
      await this.post(sub, schedule, slot, closesAt, now);
      await subscriptions.setNextPost(sub.channel, next);
      return { outcome: DONE, stillDue: false };
    } catch (error) {
      return this.failed(sub, slot, error);
    }
  }

  private async post(
    sub: Subscription,
    schedule: CronSchedule,
    slot: number,
    closesAt: number,
    now: number,
  ): Promise<void> {
    const { publisher, log } = this.deps;
    // A retry of a round whose post failed must not repeat the digest that went out before it.
    const retrying = (await publisher.pendingRound(sub.channel)) !== null;
    if (!retrying && sub.digest && this.digest.isFirstSlotOfWeek(schedule, sub.timeZone, slot)) {
      await this.digest.post(sub.channel, slot, sub.timeZone);
    }
    await publisher.publish(sub.channel, {
      ...(sub.domain ? { domain: sub.domain } : {}),
      closesAt,
      includeExtras: sub.extras === true,
    });
    if (now - slot > MINUTE) {
      log.info({ channel: sub.channel, slot: new Date(slot).toISOString() }, 'missed slot posted late');
    }
  }

  private async failed(sub: Subscription, slot: number, error: unknown): Promise<Turn> {
    const { subscriptions, log } = this.deps;
    if (error instanceof PlatformError && error.failure === 'channel-gone') {
      // Out of the due part of the index until someone sets the schedule again.
      await subscriptions.saveSubscription({ ...sub, pausedReason: error.message }, null);
      log.warn({ channel: sub.channel, reason: error.message }, 'channel unavailable; subscription paused');
      return { outcome: DONE, stillDue: false };
    }
    // Give the slot back and leave the channel due: a later turn posts the same round again.
    await subscriptions.releaseSlot(sub.channel, slot);
    if (error instanceof PlatformError && error.failure === 'rate-limited') {
      const retryAfterMs = error.retryAfterMs ?? 1000;
      log.warn({ channel: sub.channel, retryAfterMs }, 'rate limited; retrying after the wait');
      return { outcome: { kind: 'rate-limited', retryAfterMs }, stillDue: true };
    }
    log.error({ err: error, channel: sub.channel }, 'scheduled post failed; retrying on a later tick');
    return { outcome: DONE, stillDue: true };
  }
}

/** A round lasts until the next slot, at most 24 hours (or the subscription's own length). */
export function closingTime(sub: Subscription, schedule: CronSchedule, slot: number): number {
  if (sub.roundMinutes) return slot + Math.min(sub.roundMinutes * MINUTE, MAX_ROUND_MS);
  const [next] = nextSlots(schedule, sub.timeZone, slot, 1, 2);
  return Math.min(next ?? slot + MAX_ROUND_MS, slot + MAX_ROUND_MS);
}
