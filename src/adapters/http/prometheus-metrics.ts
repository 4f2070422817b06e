import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Platform } from '../../core/model/model.js';
import type { QuizMetrics } from '../../core/ports/metrics.js';

/** The quiz's metrics in Prometheus form, with the process metrics, on their own registry. */
export class PrometheusMetrics implements QuizMetrics {
  readonly registry = new Registry();
  private readonly answers: Counter<'platform' | 'outcome'>;
  private readonly answerSeconds: Histogram<'platform'>;
  private readonly posted: Counter<'platform'>;
  private readonly closed: Counter<'platform'>;
  private readonly storeErrors: Counter<'operation'>;
  private readonly apiErrors: Counter<'platform' | 'method'>;
  private readonly httpErrors: Counter<'where'>;
  private readonly httpRefused: Counter<'status'>;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'quizbot_' });
    this.answers = new Counter({
      name: 'quizbot_answers_total',
      help: 'Answers handled, by outcome (correct, incorrect, duplicate, closed, unknown-round, unavailable, error)',
      labelNames: ['platform', 'outcome'],
      registers,
    });
    this.answerSeconds = new Histogram({
      name: 'quizbot_answer_seconds',
      help: 'Time to record an answer and build the private reply',
      labelNames: ['platform'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
      registers,
    });
    this.posted = new Counter({
      name: 'quizbot_questions_posted_total',
      help: 'Questions posted to channels',
      labelNames: ['platform'],
      registers,
    });
    this.closed = new Counter({
      name: 'quizbot_rounds_closed_total',
      help: 'Rounds closed and revealed',
      labelNames: ['platform'],
      registers,
    });
    this.storeErrors = new Counter({
      name: 'quizbot_redis_errors_total',
      help: 'Store calls that failed because Redis was unreachable or too slow',
      labelNames: ['operation'],
      registers,
    });
    this.apiErrors = new Counter({
      name: 'quizbot_platform_api_errors_total',
      help: 'Failed chat platform API calls, by method',
      labelNames: ['platform', 'method'],
      registers,
    });
    this.httpErrors = new Counter({
      name: 'quizbot_http_errors_total',
      help: "Errors while serving an HTTP request (a route handler, or inside Bolt's receiver); none stops the process",
      labelNames: ['where'],
      registers,
    });
    this.httpRefused = new Counter({
      name: 'quizbot_http_refused_total',
      help: 'Requests refused before their handler ran (unsigned, stale, too large, too slow, rate limited, no such route), by status',
      labelNames: ['status'],
      registers,
    });
  }

  httpError(where: string): void {
    this.httpErrors.inc({ where });
  }

  httpRequestRefused(status: number): void {
    this.httpRefused.inc({ status: String(status) });
  }

  answerStarted(platform: Platform): (outcome: string) => void {
    const stop = this.answerSeconds.startTimer({ platform });
    return (outcome) => {
      stop();
      this.answers.inc({ platform, outcome });
    };
  }

  questionPosted(platform: Platform): void {
    this.posted.inc({ platform });
  }

  roundClosed(platform: Platform): void {
    this.closed.inc({ platform });
  }

  storeError(operation: string): void {
    this.storeErrors.inc({ operation });
  }

  /**
   * `quizbot_slack_installations`: workspaces with an installation (multi-workspace mode), counted in
   * Redis at each scrape, so every replica reports the same number. A failed count keeps the last value.
   */
  slackInstallations(count: () => Promise<number>): void {
    new Gauge({
      name: 'quizbot_slack_installations',
      help: 'Slack workspaces the app is installed in (multi-workspace mode)',
      registers: [this.registry],
      async collect() {
        try {
          this.set(await count());
        } catch {
          // Redis unreachable: /readyz says so; the gauge keeps its last value.
        }
      },
    });
  }

  platformApiError(platform: Platform, method: string): void {
    this.apiErrors.inc({ platform, method });
  }
}
