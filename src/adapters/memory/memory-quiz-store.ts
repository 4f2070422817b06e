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
import { recordAnswer } from './memory-answers.js';
import { leaderboard, playerStats, teamLeaderboard } from './memory-boards.js';
import * as rounds from './memory-rounds.js';
import { MemoryState } from './memory-state.js';
import * as teams from './memory-teams.js';

/**
 * The quiz store in process memory, for console mode and unit tests. It keeps the same semantics as
 * the Redis store (the shared contract suite holds both to it) but loses everything on exit. Rounds
 * expire as on Redis, by the engine's clock (the newest round's opening time), not the wall clock.
 *
 * Laid out like `RedisQuizStore`: one shared state, operation modules per area, and this class as the
 * port. The operations are synchronous, so each runs as one step, as a Lua script does on Redis. The
 * methods stay real methods rather than delegated properties, so tests can subclass the store and
 * override one (a store that goes down) with `super` calls.
 */
export class MemoryQuizStore implements QuizStore {
  private readonly state = new MemoryState();

  /** How many rounds are held (tests of the pruning). */
  get storedRounds(): number {
    return this.state.rounds.size;
  }

  async createRound(input: NewRound): Promise<Round> {
    // The store's clock is the engine's: the newest round's opening time (a manual clock in tests).
    this.state.clock = Math.max(this.state.clock, input.openedAt);
    rounds.pruneExpired(this.state, this.state.clock);
    return rounds.createRound(this.state, input);
  }

  async getRound(scope: ScopeId, roundId: string): Promise<Round | null> {
    return rounds.getRound(this.state, scope, roundId, this.state.clock);
  }

  async setRoundMessage(scope: ScopeId, roundId: string, messageRef: string): Promise<void> {
    rounds.setRoundMessage(this.state, scope, roundId, messageRef);
  }

  async latestDailyRound(channel: ChannelRef): Promise<Round | null> {
    return rounds.latestDailyRound(this.state, channel, this.state.clock);
  }

  async recordAnswer(input: RecordAnswerInput): Promise<RecordAnswerResult> {
    const locale = this.state.locales.get(`${input.scope}|${input.player.id}`) ?? null;
    const outcome = recordAnswer(this.state, input);
    const order = this.state.rounds.get(`${input.scope}|${input.roundId}`)?.round.choiceOrder;
    return {
      ...outcome,
      locale,
      ...(order && outcome.kind !== 'unknown-round' ? { choiceOrder: [...order] } : {}),
    };
  }

  async tally(scope: ScopeId, roundId: string): Promise<Tally> {
    return rounds.tally(this.state, scope, roundId);
  }

  async dueRounds(now: number, limit: number): Promise<RoundRef[]> {
    return rounds.dueRounds(this.state, now, limit);
  }

  async claimClose(scope: ScopeId, roundId: string, now: number, leaseMs: number): Promise<ClaimCloseResult> {
    return rounds.claimClose(this.state, scope, roundId, now, leaseMs);
  }

  async markRevealed(scope: ScopeId, roundId: string): Promise<void> {
    rounds.markRevealed(this.state, scope, roundId);
  }

  async dropUnpostedRound(round: Pick<Round, 'scope' | 'id' | 'channelId'>): Promise<boolean> {
    return rounds.dropUnpostedRound(this.state, round);
  }

  async askedQuestions(channel: ChannelRef): Promise<string[]> {
    return [...(this.state.asked.get(`${channel.scope}|${channel.channelId}`) ?? [])];
  }

  async markAsked(channel: ChannelRef, questionId: string, newCycle: boolean): Promise<void> {
    const key = `${channel.scope}|${channel.channelId}`;
    const set = newCycle ? new Set<string>() : (this.state.asked.get(key) ?? new Set<string>());
    set.add(questionId);
    this.state.asked.set(key, set);
  }

  async leaderboard(query: BoardQuery): Promise<Leaderboard> {
    return leaderboard(this.state, query);
  }

  async teamLeaderboard(query: Omit<BoardQuery, 'viewerId'>): Promise<TeamLeaderboard> {
    return teamLeaderboard(this.state, query);
  }

  async playerStats(
    scope: ScopeId,
    playerId: string,
    periods: { week: string; month: string },
  ): Promise<PlayerStats> {
    return playerStats(this.state, scope, playerId, periods);
  }

  async joinTeam(scope: ScopeId, playerId: string, teamId: string, name: string): Promise<JoinTeamResult> {
    return teams.joinTeam(this.state, scope, playerId, teamId, name);
  }

  async leaveTeam(scope: ScopeId, playerId: string): Promise<LeaveTeamResult> {
    return teams.leaveTeam(this.state, scope, playerId);
  }

  async listTeams(scope: ScopeId): Promise<Team[]> {
    return teams.listTeams(this.state, scope);
  }

  async teamOf(scope: ScopeId, playerId: string): Promise<Team | null> {
    return teams.teamOf(this.state, scope, playerId);
  }

  async scopePlayers(scope: ScopeId): Promise<ScopePlayer[]> {
    return teams.scopePlayers(this.state, scope);
  }

  async userLocale(scope: ScopeId, userId: string): Promise<Locale | null> {
    return this.state.locales.get(`${scope}|${userId}`) ?? null;
  }

  async setUserLocale(scope: ScopeId, userId: string, locale: Locale): Promise<void> {
    this.state.locales.set(`${scope}|${userId}`, locale);
  }

  async reviewLog(scope: ScopeId, playerId: string): Promise<ReviewLogEntry[]> {
    return this.state.learning.reviewLog(scope, playerId);
  }

  async markGuessed(scope: ScopeId, playerId: string, questionId: string, _at: number): Promise<boolean> {
    return this.state.learning.markGuessed(scope, playerId, questionId);
  }

  async reviewEnabled(scope: ScopeId, playerId: string): Promise<boolean> {
    return this.state.learning.reviewEnabled(scope, playerId);
  }

  async setReviewEnabled(scope: ScopeId, playerId: string, enabled: boolean): Promise<void> {
    this.state.learning.setReviewEnabled(scope, playerId, enabled);
  }

  async examDate(scope: ScopeId, playerId: string): Promise<string | null> {
    return this.state.learning.examDate(scope, playerId);
  }

  async setExamDate(scope: ScopeId, playerId: string, date: string | null): Promise<void> {
    this.state.learning.setExamDate(scope, playerId, date);
  }

  async teamMembers(scope: ScopeId, teamId: string): Promise<string[]> {
    return [...(this.state.teams.get(scope)?.get(teamId)?.members ?? [])];
  }

  async itemCounters(scope: ScopeId): Promise<ItemCounters[]> {
    return this.state.learning.itemCounters(scope);
  }

  async itemResponses(scope: ScopeId): Promise<ItemResponse[]> {
    return this.state.learning.itemResponses(scope);
  }

  async itemData(scope: ScopeId): Promise<{ counters: ItemCounters[]; responses: ItemResponse[] }> {
    return {
      counters: this.state.learning.itemCounters(scope),
      responses: this.state.learning.itemResponses(scope),
    };
  }

  async fileReport(scope: ScopeId, report: QuestionReport, suspendAt: number): Promise<FileReportResult> {
    return this.state.learning.fileReport(scope, report, suspendAt);
  }

  async openReports(scope: ScopeId): Promise<QuestionReport[]> {
    return this.state.learning.openReports(scope);
  }

  async dismissReports(scope: ScopeId, questionId: string): Promise<number> {
    return this.state.learning.dismissReports(scope, questionId);
  }

  async restoreQuestion(scope: ScopeId, questionId: string): Promise<boolean> {
    return this.state.learning.restoreQuestion(scope, questionId);
  }

  async suspendedQuestions(scope: ScopeId): Promise<string[]> {
    return this.state.learning.suspendedQuestions(scope);
  }

  async startExam(
    exam: Exam,
  ): Promise<{ kind: 'started'; exam: Exam } | { kind: 'already-open'; exam: Exam }> {
    return this.state.exams.startExam(exam);
  }

  async currentExam(scope: ScopeId, playerId: string): Promise<Exam | null> {
    return this.state.exams.currentExam(scope, playerId);
  }

  async updateExam(
    scope: ScopeId,
    playerId: string,
    examId: string,
    update: ExamUpdate,
    now: number,
    graceMs: number,
  ): Promise<UpdateExamResult> {
    return this.state.exams.updateExam(scope, playerId, examId, update, now, graceMs);
  }

  async submitExam(submission: ExamSubmission): Promise<SubmitExamResult> {
    return this.state.exams.submitExam(submission);
  }

  async examHistory(scope: ScopeId, playerId: string): Promise<ExamResult[]> {
    return this.state.exams.examHistory(scope, playerId);
  }

  async dueExams(now: number, limit: number): Promise<ExamRef[]> {
    return this.state.exams.dueExams(now, limit);
  }

  async saveMockDay(day: MockDay): Promise<void> {
    this.state.exams.saveMockDay(day);
  }

  async mockDay(scope: ScopeId, id: string): Promise<MockDay | null> {
    return this.state.exams.mockDay(scope, id);
  }

  async dueMockDays(now: number, limit: number): Promise<{ scope: ScopeId; id: string }[]> {
    return this.state.exams.dueMockDays(now, limit);
  }

  async advanceMockDay(
    scope: ScopeId,
    id: string,
    from: MockDayStatus,
    to: MockDayStatus,
    nextAt: number | null,
  ): Promise<boolean> {
    return this.state.exams.advanceMockDay(scope, id, from, to, nextAt);
  }

  async joinMockDay(scope: ScopeId, id: string, player: MockDayPlayer): Promise<string | null> {
    return this.state.exams.joinMockDay(scope, id, player);
  }

  async mockDayPlayers(scope: ScopeId, id: string): Promise<MockDayPlayer[]> {
    return this.state.exams.mockDayPlayers(scope, id);
  }

  async setExamPublic(scope: ScopeId, playerId: string, on: boolean): Promise<void> {
    this.state.exams.setExamPublic(scope, playerId, on);
  }

  async examPublicPlayers(scope: ScopeId): Promise<string[]> {
    return this.state.exams.examPublicPlayers(scope);
  }
}
