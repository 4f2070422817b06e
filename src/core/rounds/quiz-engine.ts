import { questionVersion } from '../learning/question-version.js';
import type {
  ChannelRef,
  Leaderboard,
  Locale,
  Period,
  PlayerStats,
  Question,
  Round,
  RoundRef,
  ScopeId,
  Tally,
  Team,
  TeamLeaderboard,
} from '../model/model.js';
import { periodBuckets } from '../model/periods.js';
import { pickOne, type Random } from '../model/random.js';
import { POINTS_BY_STREAK } from '../model/scoring.js';
import { checkTeamName } from '../model/teams.js';
import type { Clock } from '../ports/clock.js';
import type { ExamStore } from '../ports/exam-store.js';
import type { LearningStore } from '../ports/learning-store.js';
import type { QuestionBank } from '../ports/question-bank.js';
import type { LeaveTeamResult, QuizStore } from '../ports/quiz-store.js';
import type { LookupResult, ServiceCatalog, ServiceEntry } from '../ports/service-catalog.js';
import { answerValue, decodePicks, encodePicks, shuffledOrder } from './choices.js';
import { pickQuestion } from './pick-question.js';

export interface QuizEngineDeps {
  store: QuizStore;
  bank: QuestionBank;
  catalog: ServiceCatalog;
  clock: Clock;
  random: Random;
  newId: () => string;
  /** IANA zone in which weeks and months are counted. */
  timeZone: string;
}

export const PRACTICE_ROUND_MS = 60 * 60_000;
export const MAX_ROUND_MS = 24 * 60 * 60_000;

import type {
  AnswerOutcome,
  CloseOutcome,
  JoinTeamOutcome,
  StartRoundInput,
  StartRoundResult,
  SubmitAnswerInput,
} from './engine-results.js';

export type {
  AnswerOutcome,
  CloseOutcome,
  JoinTeamOutcome,
  StartRoundInput,
  StartRoundResult,
  SubmitAnswerInput,
};

/** The use cases of the quiz. Platform adapters translate their payloads into these calls. */
export class QuizEngine {
  constructor(private readonly deps: QuizEngineDeps) {}

  get bank(): QuestionBank {
    return this.deps.bank;
  }

  get timeZone(): string {
    return this.deps.timeZone;
  }

  now(): number {
    return this.deps.clock.now();
  }

  /** The review log, item counters and reports, for the learning features (`core/learning/`). */
  get learningStore(): LearningStore {
    return this.deps.store;
  }

  /** Opens a round with a question picked by `pickQuestion` (or the one asked for). */
  async startRound(input: StartRoundInput): Promise<StartRoundResult> {
    const { store, clock } = this.deps;
    const picked = await pickQuestion(this.deps, input);
    if (!picked)
      return input.domain ? { kind: 'no-questions', domain: input.domain } : { kind: 'no-questions' };
    const { question, rotation, newCycle } = picked;

    const openedAt = clock.now();
    const defaultLength = input.kind === 'daily' ? MAX_ROUND_MS : PRACTICE_ROUND_MS;
    const closesAt = Math.min(input.closesAt ?? openedAt + defaultLength, openedAt + MAX_ROUND_MS);
    const round = await store.createRound({
      id: this.deps.newId(),
      scope: input.channel.scope,
      channelId: input.channel.channelId,
      questionId: question.id,
      answerKey: answerValue(question),
      choiceKeys: question.choices.map((c) => c.key),
      // Fixed now and kept with the round: the same for everyone, on every replica, after a restart.
      choiceOrder: shuffledOrder(
        question.choices.map((c) => c.key),
        this.deps.random,
      ),
      domain: question.domain,
      questionVersion: questionVersion(question),
      kind: input.kind,
      openedAt,
      closesAt,
      ...(input.ownerId ? { ownerId: input.ownerId } : {}),
    });
    // A review question comes from the player's queue, not from the rotation: leave the rotation alone.
    if (input.kind !== 'review') await store.markAsked(rotation, question.id, newCycle);
    return { kind: 'started', round, question };
  }

  /** Records a player's answer: the first one counts. One store round trip. */
  async submitAnswer(input: SubmitAnswerInput): Promise<AnswerOutcome> {
    const now = this.deps.clock.now();
    const result = await this.deps.store.recordAnswer({
      ...input,
      // One stored form for a set, whatever order the platform handed the picks over in.
      choice: encodePicks(decodePicks(input.choice)),
      now,
      pointsByStreak: POINTS_BY_STREAK,
      periods: periodBuckets(now, this.deps.timeZone),
    });
    const { locale } = result;
    if (result.kind === 'unknown-round') return { kind: 'unknown-round', locale };
    const question = this.deps.bank.get(result.questionId);
    // A round whose question was removed from the bank since it was posted cannot be shown any more.
    if (!question) return { kind: 'unknown-round', locale };
    const shown = { locale, ...(result.choiceOrder ? { choiceOrder: result.choiceOrder } : {}) };
    switch (result.kind) {
      case 'duplicate':
        return { kind: 'duplicate', question, previousChoice: result.previousChoice, ...shown };
      case 'closed':
        return { kind: 'closed', question, ...shown };
      case 'recorded':
        return {
          ...shown,
          kind: result.correct ? 'correct' : 'incorrect',
          question,
          roundKind: result.roundKind,
          choice: encodePicks(decodePicks(input.choice)),
          points: result.points,
          streak: result.streak,
          totals: result.totals,
          answerCount: result.answerCount,
        };
    }
  }

  /**
   * Closes a round and hands back what to reveal. Idempotent: only one caller gets `closed`, and after
   * `markRevealed` nobody does again.
   */
  async closeRound(ref: RoundRef, leaseMs = 60_000): Promise<CloseOutcome> {
    const result = await this.deps.store.claimClose(ref.scope, ref.roundId, this.deps.clock.now(), leaseMs);
    if (result.kind !== 'claimed') return { kind: 'not-now', reason: result.kind };
    return {
      kind: 'closed',
      round: result.round,
      question: this.deps.bank.get(result.round.questionId),
      tally: result.tally,
    };
  }

  async markRevealed(ref: RoundRef): Promise<void> {
    await this.deps.store.markRevealed(ref.scope, ref.roundId);
  }

  /** Ends a round whose question never reached the channel: no reveal, its number goes back. */
  async dropUnpostedRound(round: Round): Promise<boolean> {
    return this.deps.store.dropUnpostedRound(round);
  }

  async latestDailyRound(channel: ChannelRef): Promise<Round | null> {
    return this.deps.store.latestDailyRound(channel);
  }

  async getRound(ref: RoundRef): Promise<Round | null> {
    return this.deps.store.getRound(ref.scope, ref.roundId);
  }

  /** A round and its question, or null when either is gone. */
  async roundWithQuestion(ref: RoundRef): Promise<{ round: Round; question: Question } | null> {
    const round = await this.deps.store.getRound(ref.scope, ref.roundId);
    const question = round ? this.deps.bank.get(round.questionId) : undefined;
    return round && question ? { round, question } : null;
  }

  async setRoundMessage(round: Round, messageRef: string): Promise<void> {
    await this.deps.store.setRoundMessage(round.scope, round.id, messageRef);
  }

  /** What the mock exams (`core/exam/`) share with rounds: the store, the seedable random and the id source. */
  get examParts(): { store: ExamStore & LearningStore; random: Random; newId: () => string } {
    return { store: this.deps.store, random: this.deps.random, newId: this.deps.newId };
  }

  /** A uniform pick with the engine's (seedable) random. */
  pick<T>(items: readonly T[]): T | undefined {
    return pickOne(items, this.deps.random);
  }

  async dueRounds(limit = 50): Promise<RoundRef[]> {
    return this.deps.store.dueRounds(this.deps.clock.now(), limit);
  }

  async tally(ref: RoundRef): Promise<Tally> {
    return this.deps.store.tally(ref.scope, ref.roundId);
  }

  async leaderboard(scope: ScopeId, period: Period, viewerId?: string, limit = 10): Promise<Leaderboard> {
    return this.deps.store.leaderboard({
      scope,
      period,
      periodKey: this.periodKey(period),
      limit,
      ...(viewerId ? { viewerId } : {}),
    });
  }

  /** A board of a given bucket (the weekly digest reads last week's). */
  async leaderboardFor(
    scope: ScopeId,
    period: Period,
    periodKey: string,
    limit: number,
  ): Promise<Leaderboard> {
    return this.deps.store.leaderboard({ scope, period, periodKey, limit });
  }

  async teamLeaderboardFor(
    scope: ScopeId,
    period: Period,
    periodKey: string,
    limit: number,
  ): Promise<TeamLeaderboard> {
    return this.deps.store.teamLeaderboard({ scope, period, periodKey, limit });
  }

  async teamLeaderboard(scope: ScopeId, period: Period, limit = 10): Promise<TeamLeaderboard> {
    return this.deps.store.teamLeaderboard({ scope, period, periodKey: this.periodKey(period), limit });
  }

  async playerStats(scope: ScopeId, playerId: string): Promise<PlayerStats> {
    const buckets = periodBuckets(this.deps.clock.now(), this.deps.timeZone);
    return this.deps.store.playerStats(scope, playerId, { week: buckets.week.key, month: buckets.month.key });
  }

  async joinTeam(scope: ScopeId, playerId: string, rawName: string): Promise<JoinTeamOutcome> {
    const checked = checkTeamName(rawName);
    if (!checked.ok) return { kind: 'invalid-name', reason: checked.reason };
    return this.deps.store.joinTeam(scope, playerId, checked.id, checked.name);
  }

  async leaveTeam(scope: ScopeId, playerId: string): Promise<LeaveTeamResult> {
    return this.deps.store.leaveTeam(scope, playerId);
  }

  async teamOf(scope: ScopeId, playerId: string): Promise<Team | null> {
    return this.deps.store.teamOf(scope, playerId);
  }

  async listTeams(scope: ScopeId): Promise<Team[]> {
    return this.deps.store.listTeams(scope);
  }

  async userLocale(scope: ScopeId, userId: string): Promise<Locale | null> {
    return this.deps.store.userLocale(scope, userId);
  }

  async setUserLocale(scope: ScopeId, userId: string, locale: Locale): Promise<void> {
    await this.deps.store.setUserLocale(scope, userId, locale);
  }

  lookupService(query: string): LookupResult {
    return this.deps.catalog.lookup(query);
  }

  suggestServices(query: string, limit = 25): ServiceEntry[] {
    return this.deps.catalog.suggest(query, limit);
  }

  service(id: string): ServiceEntry | undefined {
    return this.deps.catalog.get(id);
  }

  private periodKey(period: Period): string {
    if (period === 'all') return 'all';
    return periodBuckets(this.deps.clock.now(), this.deps.timeZone)[period].key;
  }
}
