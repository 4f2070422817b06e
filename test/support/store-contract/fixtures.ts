import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect } from 'vitest';
import type { ChannelRef, Round, ScopeId } from '../../../src/core/model/model.js';
import { periodBuckets } from '../../../src/core/model/periods.js';
import { POINTS_BY_STREAK } from '../../../src/core/model/scoring.js';
import type { NewRound, QuizStore, RecordAnswerResult } from '../../../src/core/ports/quiz-store.js';

export interface StoreUnderTest {
  store: QuizStore;
  /** Removes whatever the store wrote (a shared server must be left as found). */
  cleanup(): Promise<void>;
}

export const TZ = 'Asia/Tokyo';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/**
 * Monday 2030-01-07 09:00 in Tokyo. In the future on purpose: the Redis store expires rounds and
 * period boards relative to their own timestamps, and a past date would expire them on write.
 */
export const T0 = Date.UTC(2030, 0, 7, 0, 0, 0);

/** The week/month keys of answers given on day `day` after T0. */
export const weekOf = (day: number): string => periodBuckets(T0 + day * DAY + HOUR, TZ).week.key;
export const monthOf = (day: number): string => periodBuckets(T0 + day * DAY + HOUR, TZ).month.key;

interface AnswerOptions {
  now?: number;
  name?: string;
  pointsByStreak?: readonly number[];
}

/** What every area of the contract gets: the current case's store and scope, and the helpers on them. */
export type ContractFixtures = ReturnType<typeof contractFixtures>;

/**
 * Gives each case a fresh store from `makeStore` and its own scope id, so cases never see each other's
 * data even when the stores share one server. Call it inside the contract's `describe`; the hooks it
 * registers run before the areas' own.
 */
export function contractFixtures(makeStore: () => Promise<StoreUnderTest>) {
  let store: QuizStore;
  let cleanup: () => Promise<void>;
  let scope: ScopeId;

  beforeEach(async () => {
    ({ store, cleanup } = await makeStore());
    scope = `slack:T-${randomUUID()}`;
  });

  afterEach(async () => {
    await cleanup();
  });

  const newRound = (overrides: Partial<NewRound> = {}): NewRound => ({
    id: `r-${randomUUID()}`,
    scope,
    channelId: 'C1',
    questionId: 'q1',
    answerKey: 'B',
    choiceKeys: ['A', 'B', 'C', 'D'],
    domain: 'd1',
    kind: 'daily',
    openedAt: T0,
    closesAt: T0 + 8 * HOUR,
    ...overrides,
  });
  const round = (overrides: Partial<NewRound> = {}): Promise<Round> => store.createRound(newRound(overrides));
  /** A daily round opened on day `day` after T0, open for 8 hours. */
  const daily = (day: number, channelId = 'C1', overrides: Partial<NewRound> = {}): Promise<Round> =>
    round({ channelId, openedAt: T0 + day * DAY, closesAt: T0 + day * DAY + 8 * HOUR, ...overrides });
  const practice = (ownerId = 'U1', overrides: Partial<NewRound> = {}): Promise<Round> =>
    round({ kind: 'practice', ownerId, ...overrides });
  const answer = (r: Round, playerId: string, choice: string, options: AnswerOptions = {}) => {
    const now = options.now ?? r.openedAt + HOUR;
    return store.recordAnswer({
      scope,
      roundId: r.id,
      player: { id: playerId, displayName: options.name ?? `name-${playerId}` },
      choice,
      now,
      pointsByStreak: options.pointsByStreak ?? POINTS_BY_STREAK,
      periods: periodBuckets(now, TZ),
    });
  };
  /** Gives `playerId` exactly `points` on day `day`'s boards: a right answer in a fresh channel. */
  const award = async (playerId: string, points: number, day = 0, name?: string): Promise<void> => {
    const r = await daily(day, `award-${randomUUID()}`);
    const result = await answer(r, playerId, 'B', { pointsByStreak: [points], ...(name ? { name } : {}) });
    expect(result).toMatchObject({ kind: 'recorded', points });
  };
  const pointsOf = (results: RecordAnswerResult[]): number[] =>
    results.map((r) => (r.kind === 'recorded' ? r.points : -1));
  const channel = (channelId: string): ChannelRef => ({ scope, channelId });

  return {
    /**
     * The current case's store and scope. They change per case, so an area reads them in its own
     * `beforeEach` into locals named as before the split; the cases' bodies then read as they always did.
     */
    current: (): { store: QuizStore; scope: ScopeId } => ({ store, scope }),
    newRound,
    round,
    daily,
    practice,
    answer,
    award,
    pointsOf,
    channel,
  };
}
