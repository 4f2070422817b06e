import type { Platform } from '../model/model.js';

/**
 * What the quiz reports to monitoring. The core says what happened; an adapter (Prometheus) counts it.
 */
export interface QuizMetrics {
  /** Starts timing one answer; the returned function is called once with the outcome. */
  answerStarted(platform: Platform): (outcome: string) => void;
  questionPosted(platform: Platform): void;
  roundClosed(platform: Platform): void;
  /** The store could not be reached (Redis down or slow). */
  storeError(operation: string): void;
  /** A chat platform's API call failed. */
  platformApiError(platform: Platform, method: string): void;
}

export const noMetrics: QuizMetrics = {
  answerStarted: () => () => {},
  questionPosted() {},
  roundClosed() {},
  storeError() {},
  platformApiError() {},
};
