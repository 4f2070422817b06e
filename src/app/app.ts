import { randomBytes } from 'node:crypto';
import { QuizCommands } from '../core/commands/quiz-commands.js';
import type { Locale } from '../core/model/model.js';
import { platformOf } from '../core/model/model.js';
import { seededRandom } from '../core/model/random.js';
import type { ChatPlatform } from '../core/ports/chat-platform.js';
import type { Clock } from '../core/ports/clock.js';
import type { DashboardLinks } from '../core/ports/dashboard-links.js';
import type { Logger } from '../core/ports/logger.js';
import { noMetrics, type QuizMetrics } from '../core/ports/metrics.js';
import type { QuestionBank } from '../core/ports/question-bank.js';
import type { QuizStore } from '../core/ports/quiz-store.js';
import type { ServiceCatalog } from '../core/ports/service-catalog.js';
import type { SubscriptionStore } from '../core/ports/subscription-store.js';
import { QuizEngine } from '../core/rounds/quiz-engine.js';
import { RoundPublisher } from '../core/rounds/round-publisher.js';
import { ScheduleService } from '../core/schedule/schedule-service.js';
import type { LaneLimits, Sleep } from '../core/schedule/scope-lanes.js';
import type { Config } from './config.js';

export interface AppParts {
  engine: QuizEngine;
  commands: QuizCommands;
  publisher: RoundPublisher;
  schedule: ScheduleService;
  platforms: Map<string, ChatPlatform>;
}

export interface AppInput {
  bank: QuestionBank;
  catalog: ServiceCatalog;
  store: QuizStore;
  subscriptions: SubscriptionStore;
  clock: Clock;
  log: Logger;
  quiz: Config['quiz'];
  channelLocale: Locale;
  metrics?: QuizMetrics;
  /** Scheduler fan-out: posts in flight overall and per workspace or guild (tests and benchmarks). */
  limits?: Partial<LaneLimits>;
  /** How the scheduler waits out a rate limit (tests pass one they control). */
  sleep?: Sleep;
  /** The web dashboard's sign-in links (`/quiz dashboard`); absent: the command says it is off. */
  dashboard?: DashboardLinks;
}

/** Round ids: 12 URL-safe random characters, short enough for any button id. */
export function newRoundId(): string {
  return randomBytes(9).toString('base64url');
}

/** Builds the core with its collaborators; platforms register themselves in `platforms` by name. */
export function buildApp(input: AppInput): AppParts {
  const platforms = new Map<string, ChatPlatform>();
  const platformFor = (scope: string): ChatPlatform | undefined => platforms.get(platformOf(scope));
  const engine = new QuizEngine({
    store: input.store,
    bank: input.bank,
    catalog: input.catalog,
    clock: input.clock,
    random: input.quiz.seed === undefined ? Math.random : seededRandom(input.quiz.seed),
    newId: newRoundId,
    timeZone: input.quiz.timeZone,
  });
  const metrics = input.metrics ?? noMetrics;
  const publisher = new RoundPublisher(engine, platformFor, input.log, metrics);
  const schedule = new ScheduleService({
    subscriptions: input.subscriptions,
    publisher,
    engine,
    platformFor,
    clock: input.clock,
    log: input.log,
    defaults: { cron: input.quiz.cron, timeZone: input.quiz.timeZone },
    channelLocale: input.channelLocale,
    ...(input.limits ? { limits: input.limits } : {}),
    ...(input.sleep ? { sleep: input.sleep } : {}),
  });
  const commands = new QuizCommands({
    engine,
    publisher,
    schedule,
    metrics,
    ...(input.dashboard ? { dashboard: input.dashboard } : {}),
  });
  return { engine, commands, publisher, schedule, platforms };
}
