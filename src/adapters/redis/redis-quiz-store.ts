import type { Cluster, Redis } from 'ioredis';
import type { Exam, ExamResult, MockDay, MockDayStatus } from '../../core/model/exam.js';
import type {
  ChannelRef,
  Leaderboard,
  Locale,
  PlayerStats,
  Round,
  RoundRef,
  ScopeId,
  Tally,
  Team,
  TeamLeaderboard,
} from '../../core/model/model.js';
import { LOCALES } from '../../core/model/model.js';
import type {
  ExamRef,
  ExamSubmission,
  ExamUpdate,
  MockDayPlayer,
  SubmitExamResult,
  UpdateExamResult,
} from '../../core/ports/exam-store.js';
import type {
  FileReportResult,
  ItemCounters,
  ItemResponse,
  QuestionReport,
  ReviewLogEntry,
} from '../../core/ports/learning-store.js';
import type {
  BoardQuery,
  ClaimCloseResult,
  JoinTeamResult,
  LeaveTeamResult,
  NewRound,
  QuizStore,
  RecordAnswerInput,
  RecordAnswerResult,
  ScopePlayer,
} from '../../core/ports/quiz-store.js';
import { QuizScripts } from './quiz-scripts.js';
import { recordAnswer } from './redis-answers.js';
import { leaderboard, playerStats, teamLeaderboard } from './redis-boards.js';
import { toStoreError } from './redis-errors.js';
import * as exams from './redis-exams.js';
import { RedisKeys } from './redis-keys.js';
import * as learning from './redis-learning.js';
import * as mockDays from './redis-mock-days.js';
import { dropUnpostedRound } from './redis-round-drop.js';
import * as rounds from './redis-rounds.js';
import type { RedisStoreContext } from './redis-store-context.js';
import * as teams from './redis-teams.js';

export interface RedisQuizStoreOptions {
  /** Start of every key (default `pq`); lets several deployments or test runs share one server. */
  prefix?: string;
}

/**
 * The quiz store on Redis (standalone or Cluster). Semantics are the memory store's, held by the shared
 * contract suite; the key schema is in `docs/redis-keys.md`. Every write that must be atomic is one Lua
 * script on keys of one scope (one Cluster slot); an answer is exactly one EVALSHA.
 * Connection failures and timeouts surface as `StoreUnavailableError`.
 */
export class RedisQuizStore implements QuizStore {
  private readonly ctx: RedisStoreContext;
  /** The exams' frozen parts this process has seen: a click then reads back only what moved. */
  private readonly frozenExams = exams.frozenExams();

  constructor(client: Redis | Cluster, options: RedisQuizStoreOptions = {}) {
    this.ctx = { client, keys: new RedisKeys(options.prefix), scripts: new QuizScripts(client) };
  }

  createRound(round: NewRound): Promise<Round> {
    return this.guard('createRound', () => rounds.createRound(this.ctx, round));
  }

  getRound(scope: ScopeId, roundId: string): Promise<Round | null> {
    return this.guard('getRound', () => rounds.getRound(this.ctx, scope, roundId));
  }

  setRoundMessage(scope: ScopeId, roundId: string, messageRef: string): Promise<void> {
    return this.guard('setRoundMessage', () => rounds.setRoundMessage(this.ctx, scope, roundId, messageRef));
  }

  latestDailyRound(channel: ChannelRef): Promise<Round | null> {
    return this.guard('latestDailyRound', () => rounds.latestDailyRound(this.ctx, channel));
  }

  recordAnswer(input: RecordAnswerInput): Promise<RecordAnswerResult> {
    return this.guard('recordAnswer', () => recordAnswer(this.ctx, input));
  }

  tally(scope: ScopeId, roundId: string): Promise<Tally> {
    return this.guard('tally', () => rounds.tally(this.ctx, scope, roundId));
  }

  dueRounds(now: number, limit: number): Promise<RoundRef[]> {
    return this.guard('dueRounds', () => rounds.dueRounds(this.ctx, now, limit));
  }

  claimClose(scope: ScopeId, roundId: string, now: number, leaseMs: number): Promise<ClaimCloseResult> {
    return this.guard('claimClose', () => rounds.claimClose(this.ctx, scope, roundId, now, leaseMs));
  }

  markRevealed(scope: ScopeId, roundId: string): Promise<void> {
    return this.guard('markRevealed', () => rounds.markRevealed(this.ctx, scope, roundId));
  }

  dropUnpostedRound(round: Pick<Round, 'scope' | 'id' | 'channelId'>): Promise<boolean> {
    return this.guard('dropUnpostedRound', () => dropUnpostedRound(this.ctx, round));
  }

  askedQuestions(channel: ChannelRef): Promise<string[]> {
    return this.guard('askedQuestions', () =>
      this.ctx.client.smembers(this.ctx.keys.asked(channel.scope, channel.channelId)),
    );
  }

  markAsked(channel: ChannelRef, questionId: string, newCycle: boolean): Promise<void> {
    return this.guard('markAsked', async () => {
      const key = this.ctx.keys.asked(channel.scope, channel.channelId);
      await this.ctx.scripts.run('pqMarkAsked', [key], [newCycle ? '1' : '0', questionId]);
    });
  }

  leaderboard(query: BoardQuery): Promise<Leaderboard> {
    return this.guard('leaderboard', () => leaderboard(this.ctx, query));
  }

  teamLeaderboard(query: Omit<BoardQuery, 'viewerId'>): Promise<TeamLeaderboard> {
    return this.guard('teamLeaderboard', () => teamLeaderboard(this.ctx, query));
  }

  playerStats(
    scope: ScopeId,
    playerId: string,
    periods: { week: string; month: string },
  ): Promise<PlayerStats> {
    return this.guard('playerStats', () => playerStats(this.ctx, scope, playerId, periods));
  }

  joinTeam(scope: ScopeId, playerId: string, teamId: string, name: string): Promise<JoinTeamResult> {
    return this.guard('joinTeam', () => teams.joinTeam(this.ctx, scope, playerId, teamId, name));
  }

  leaveTeam(scope: ScopeId, playerId: string): Promise<LeaveTeamResult> {
    return this.guard('leaveTeam', () => teams.leaveTeam(this.ctx, scope, playerId));
  }

  listTeams(scope: ScopeId): Promise<Team[]> {
    return this.guard('listTeams', () => teams.listTeams(this.ctx, scope));
  }

  teamOf(scope: ScopeId, playerId: string): Promise<Team | null> {
    return this.guard('teamOf', () => teams.teamOf(this.ctx, scope, playerId));
  }

  scopePlayers(scope: ScopeId): Promise<ScopePlayer[]> {
    return this.guard('scopePlayers', () => teams.scopePlayers(this.ctx, scope));
  }

  userLocale(scope: ScopeId, userId: string): Promise<Locale | null> {
    return this.guard('userLocale', async () => {
      const stored = await this.ctx.client.hget(this.ctx.keys.locales(scope), userId);
      return LOCALES.find((locale) => locale === stored) ?? null;
    });
  }

  setUserLocale(scope: ScopeId, userId: string, locale: Locale): Promise<void> {
    return this.guard('setUserLocale', async () => {
      await this.ctx.client.hset(this.ctx.keys.locales(scope), userId, locale);
    });
  }

  reviewLog(scope: ScopeId, playerId: string): Promise<ReviewLogEntry[]> {
    return this.guard('reviewLog', () => learning.reviewLog(this.ctx, scope, playerId));
  }

  markGuessed(scope: ScopeId, playerId: string, questionId: string, at: number): Promise<boolean> {
    return this.guard('markGuessed', () => learning.markGuessed(this.ctx, scope, playerId, questionId, at));
  }

  reviewEnabled(scope: ScopeId, playerId: string): Promise<boolean> {
    return this.guard(
      'reviewEnabled',
      async () => (await this.ctx.client.sismember(this.ctx.keys.reviewOff(scope), playerId)) === 0,
    );
  }

  setReviewEnabled(scope: ScopeId, playerId: string, enabled: boolean): Promise<void> {
    return this.guard('setReviewEnabled', async () => {
      const key = this.ctx.keys.reviewOff(scope);
      if (enabled) await this.ctx.client.srem(key, playerId);
      else await this.ctx.client.sadd(key, playerId);
    });
  }

  examDate(scope: ScopeId, playerId: string): Promise<string | null> {
    return this.guard('examDate', () => this.ctx.client.hget(this.ctx.keys.examDates(scope), playerId));
  }

  setExamDate(scope: ScopeId, playerId: string, date: string | null): Promise<void> {
    return this.guard('setExamDate', async () => {
      const key = this.ctx.keys.examDates(scope);
      if (date === null) await this.ctx.client.hdel(key, playerId);
      else await this.ctx.client.hset(key, playerId, date);
    });
  }

  teamMembers(scope: ScopeId, teamId: string): Promise<string[]> {
    return this.guard('teamMembers', async () => {
      // The membership hash is one per scope and holds one field per player in a team: few.
      const membership = await this.ctx.client.hgetall(this.ctx.keys.membership(scope));
      return Object.keys(membership).filter((playerId) => membership[playerId] === teamId);
    });
  }

  itemCounters(scope: ScopeId): Promise<ItemCounters[]> {
    return this.guard('itemCounters', () => learning.itemCounters(this.ctx, scope));
  }

  itemResponses(scope: ScopeId): Promise<ItemResponse[]> {
    return this.guard('itemResponses', () => learning.itemResponses(this.ctx, scope));
  }

  itemData(scope: ScopeId): Promise<{ counters: ItemCounters[]; responses: ItemResponse[] }> {
    return this.guard('itemData', () => learning.itemData(this.ctx, scope));
  }

  fileReport(scope: ScopeId, report: QuestionReport, suspendAt: number): Promise<FileReportResult> {
    return this.guard('fileReport', () => learning.fileReport(this.ctx, scope, report, suspendAt));
  }

  openReports(scope: ScopeId): Promise<QuestionReport[]> {
    return this.guard('openReports', () => learning.openReports(this.ctx, scope));
  }

  dismissReports(scope: ScopeId, questionId: string): Promise<number> {
    return this.guard('dismissReports', () => learning.dismissReports(this.ctx, scope, questionId));
  }

  restoreQuestion(scope: ScopeId, questionId: string): Promise<boolean> {
    return this.guard('restoreQuestion', () => learning.restoreQuestion(this.ctx, scope, questionId));
  }

  suspendedQuestions(scope: ScopeId): Promise<string[]> {
    return this.guard('suspendedQuestions', () => this.ctx.client.smembers(this.ctx.keys.suspended(scope)));
  }

  /** Runs one store operation, turning "Redis is unreachable" into `StoreUnavailableError`. */
  startExam(exam: Exam): Promise<{ kind: 'started'; exam: Exam } | { kind: 'already-open'; exam: Exam }> {
    return this.guard('startExam', () => exams.startExam(this.ctx, exam));
  }

  currentExam(scope: ScopeId, playerId: string): Promise<Exam | null> {
    return this.guard('currentExam', () => exams.currentExam(this.ctx, scope, playerId));
  }

  updateExam(
    scope: ScopeId,
    playerId: string,
    examId: string,
    update: ExamUpdate,
    now: number,
    graceMs: number,
  ): Promise<UpdateExamResult> {
    return this.guard('updateExam', () =>
      exams.updateExam(this.ctx, this.frozenExams, scope, playerId, examId, update, now, graceMs),
    );
  }

  submitExam(submission: ExamSubmission): Promise<SubmitExamResult> {
    return this.guard('submitExam', () => exams.submitExam(this.ctx, submission));
  }

  examHistory(scope: ScopeId, playerId: string): Promise<ExamResult[]> {
    return this.guard('examHistory', () => exams.examHistory(this.ctx, scope, playerId));
  }

  dueExams(now: number, limit: number): Promise<ExamRef[]> {
    return this.guard('dueExams', () => exams.dueExams(this.ctx, now, limit));
  }

  saveMockDay(day: MockDay): Promise<void> {
    return this.guard('saveMockDay', () => mockDays.saveMockDay(this.ctx, day));
  }

  mockDay(scope: ScopeId, id: string): Promise<MockDay | null> {
    return this.guard('mockDay', () => mockDays.mockDay(this.ctx, scope, id));
  }

  dueMockDays(now: number, limit: number): Promise<{ scope: ScopeId; id: string }[]> {
    return this.guard('dueMockDays', () => mockDays.dueMockDays(this.ctx, now, limit));
  }

  advanceMockDay(
    scope: ScopeId,
    id: string,
    from: MockDayStatus,
    to: MockDayStatus,
    nextAt: number | null,
  ): Promise<boolean> {
    return this.guard('advanceMockDay', () => mockDays.advanceMockDay(this.ctx, scope, id, from, to, nextAt));
  }

  joinMockDay(scope: ScopeId, id: string, player: MockDayPlayer): Promise<string | null> {
    return this.guard('joinMockDay', () => mockDays.joinMockDay(this.ctx, scope, id, player));
  }

  mockDayPlayers(scope: ScopeId, id: string): Promise<MockDayPlayer[]> {
    return this.guard('mockDayPlayers', () => mockDays.mockDayPlayers(this.ctx, scope, id));
  }

  setExamPublic(scope: ScopeId, playerId: string, on: boolean): Promise<void> {
    return this.guard('setExamPublic', () => mockDays.setExamPublic(this.ctx, scope, playerId, on));
  }

  examPublicPlayers(scope: ScopeId): Promise<string[]> {
    return this.guard('examPublicPlayers', () => mockDays.examPublicPlayers(this.ctx, scope));
  }

  private async guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }
}
