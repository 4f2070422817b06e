import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from '../../src/adapters/memory/memory-subscription-store.js';
import { type AppParts, buildApp } from '../../src/app/app.js';
import type { ChannelRef, Question, Round } from '../../src/core/model/model.js';
import type { PlatformError, PostAttempt } from '../../src/core/ports/chat-platform.js';
import type { Logger } from '../../src/core/ports/logger.js';
import type { QuizStore } from '../../src/core/ports/quiz-store.js';
import type { SubscriptionStore } from '../../src/core/ports/subscription-store.js';
import type { Sleep } from '../../src/core/schedule/scope-lanes.js';
import { aBank, aCatalog, type ManualClock, someQuestions } from './builders.js';
import { RecordingPlatform } from './recording-platform.js';

/** A log that keeps its lines, so tests can count what was said. */
export class CapturingLogger implements Logger {
  readonly lines: { level: string; msg: string; obj: object }[] = [];
  debug(obj: object, msg = '') {
    this.lines.push({ level: 'debug', msg, obj });
  }
  info(obj: object, msg = '') {
    this.lines.push({ level: 'info', msg, obj });
  }
  warn(obj: object, msg = '') {
    this.lines.push({ level: 'warn', msg, obj });
  }
  error(obj: object, msg = '') {
    this.lines.push({ level: 'error', msg, obj });
  }
  count(msg: string): number {
    return this.lines.filter((l) => l.msg === msg).length;
  }
}

/** A recording platform whose question posts (only those) can be made to fail, per scope or for all. */
export class FlakyPostPlatform extends RecordingPlatform {
  /** Question posts fail with this until cleared; digests and reveals still work. */
  failPostsWith: PlatformError | null = null;
  /** Fails question posts to these scopes only, each with its error, `times` times. */
  readonly failScope = new Map<string, { error: PlatformError; times: number }>();
  readonly retries: string[] = [];
  /** Every question post attempt in order, by channel id (successful or not). */
  readonly postOrder: string[] = [];

  override async postQuestion(
    channel: ChannelRef,
    round: Round,
    question: Question,
    attempt?: PostAttempt,
  ): Promise<string> {
    this.postOrder.push(channel.channelId);
    if (attempt?.retry) this.retries.push(round.id);
    if (this.failPostsWith) {
      this.attempts += 1;
      throw this.failPostsWith;
    }
    const scoped = this.failScope.get(channel.scope);
    if (scoped && scoped.times > 0) {
      scoped.times -= 1;
      this.attempts += 1;
      throw scoped.error;
    }
    return super.postQuestion(channel, round, question);
  }
}

export interface Replica {
  app: AppParts;
  platform: FlakyPostPlatform;
  log: CapturingLogger;
  subscriptions: SubscriptionStore;
}

/** One bot process: its own app and recording platform over the given (shared) stores. */
export function aReplica(options: {
  store: QuizStore;
  subscriptions: SubscriptionStore;
  clock: ManualClock;
  sleep?: Sleep;
  limits?: { concurrency?: number; perScope?: number; maxRetryWaitMs?: number; maxAttempts?: number };
  questions?: Question[];
}): Replica {
  const platform = new FlakyPostPlatform();
  const log = new CapturingLogger();
  const app = buildApp({
    bank: aBank(options.questions ?? someQuestions(10)),
    catalog: aCatalog(),
    store: options.store,
    subscriptions: options.subscriptions,
    clock: options.clock,
    log,
    quiz: { timeZone: 'Asia/Tokyo', cron: '0 9 * * 1-5', locale: 'en', adminUserIds: [], questionsDir: '' },
    channelLocale: 'en',
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  app.platforms.set('slack', platform);
  app.platforms.set('discord', platform);
  return { app, platform, log, subscriptions: options.subscriptions };
}

/** Replicas on one in-memory store pair (the stores are shared, as Redis is between processes). */
export function memoryReplicas(count: number, clock: ManualClock, sleep?: Sleep): Replica[] {
  const store = new MemoryQuizStore();
  const subscriptions = new MemorySubscriptionStore(() => clock.now());
  return Array.from({ length: count }, () =>
    aReplica({ store, subscriptions, clock, ...(sleep ? { sleep } : {}) }),
  );
}
