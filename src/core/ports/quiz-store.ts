import type {
  AnswerTotals,
  ChannelRef,
  Leaderboard,
  Locale,
  Period,
  Player,
  PlayerStats,
  Round,
  RoundKind,
  RoundRef,
  ScopeId,
  Tally,
  Team,
  TeamLeaderboard,
} from '../model/model.js';
import type { PeriodBuckets } from '../model/periods.js';
import type { ExamStore } from './exam-store.js';
import type { LearningStore } from './learning-store.js';

/**
 * The persistence ports. Every implementation (memory, Redis) passes the same contract suite
 * (`test/support/store-contract/`). Any method may throw `StoreUnavailableError`; it then wrote nothing.
 */

export interface NewRound {
  id: string;
  scope: ScopeId;
  channelId: string;
  questionId: string;
  /**
   * The right answer as one choice value (`B`, or the sorted comma-joined set `B,D` of a multiple-select
   * question), so an answer is judged inside the store's single atomic step: right only if equal.
   */
  answerKey: string;
  choiceKeys: string[];
  /** The bank keys in the order the round shows them. */
  choiceOrder?: readonly string[];
  domain: string;
  /** `questionVersion()` of the question: item statistics are counted per version. */
  questionVersion?: string;
  kind: RoundKind;
  openedAt: number;
  closesAt: number;
  ownerId?: string;
}

/** The round a store hands back for a newly created `input`: open, with its channel sequence number. */
export function openedRound(input: NewRound, seq: number): Round {
  return {
    id: input.id,
    scope: input.scope,
    channelId: input.channelId,
    questionId: input.questionId,
    kind: input.kind,
    status: 'open',
    openedAt: input.openedAt,
    closesAt: input.closesAt,
    seq,
    ...(input.ownerId ? { ownerId: input.ownerId } : {}),
    ...(input.choiceOrder ? { choiceOrder: [...input.choiceOrder] } : {}),
  };
}

export interface RecordAnswerInput {
  scope: ScopeId;
  roundId: string;
  player: Player;
  /**
   * The choice value: one bank key, or for a multiple-select question the sorted, comma-joined set of
   * picked keys (`B,D`). A value naming a key the round does not have, or a set of the wrong size or not
   * in that form, is refused as `unknown-round` (a stale or forged payload).
   */
  choice: string;
  now: number;
  /**
   * Points for a right daily answer, indexed by the streak before it (the last entry applies to longer
   * streaks). Computed by `scoring.ts`, the one place the rule lives.
   */
  pointsByStreak: readonly number[];
  periods: PeriodBuckets;
}

/**
 * What recording an answer found. Every outcome also carries the player's own language (`/quiz lang`),
 * read in the same atomic step: the reply needs it, and a second store read per click would double the
 * answer path's round trips.
 */
export type RecordAnswerResult = RecordAnswerOutcome & {
  locale: Locale | null;
  /** The round's display order, read in the same step, so the reply uses the letters the player saw. */
  choiceOrder?: string[];
};

export type RecordAnswerOutcome =
  | {
      kind: 'recorded';
      questionId: string;
      roundKind: RoundKind;
      correct: boolean;
      points: number;
      /** The streak after this answer (0 after a wrong one; unchanged by practice). */
      streak: number;
      totals: AnswerTotals;
      answerCount: number;
    }
  | { kind: 'duplicate'; questionId: string; previousChoice: string }
  | { kind: 'closed'; questionId: string }
  | { kind: 'unknown-round' };

export type ClaimCloseResult =
  | { kind: 'claimed'; round: Round; tally: Tally }
  | { kind: 'busy' }
  | { kind: 'already-revealed' }
  | { kind: 'unknown-round' };

export interface RoundStore {
  /** Stores an open round; a daily round gets the channel's next sequence number. */
  createRound(round: NewRound): Promise<Round>;
  getRound(scope: ScopeId, roundId: string): Promise<Round | null>;
  setRoundMessage(scope: ScopeId, roundId: string, messageRef: string): Promise<void>;
  /** The newest daily round of a channel, open or not. */
  latestDailyRound(channel: ChannelRef): Promise<Round | null>;
  /**
   * One atomic step: the round is open (status open and `now < closesAt`); only the player's first answer
   * counts; right only when the choice value equals the answer key (the exact set); bumps the counter of
   * every picked key and, when right, the round's "wholly right" counter; for a daily round adds the points to the player's and their team's
   * week, month and all-time boards, updates the streak and the per-domain counts, and stores the display
   * name. Every recorded answer (any kind) is appended to the player's review log; a player's first answer
   * to a question version bumps its item counters (each picked key of the choice, split on commas).
   * A duplicate changes nothing.
   */
  recordAnswer(input: RecordAnswerInput): Promise<RecordAnswerResult>;
  tally(scope: ScopeId, roundId: string): Promise<Tally>;
  /** Rounds whose `closesAt` has passed and whose result is not revealed yet, oldest first. */
  dueRounds(now: number, limit: number): Promise<RoundRef[]>;
  /**
   * Closes the round (answers are refused from now on) and claims the right to reveal it for `leaseMs`.
   * Only one caller at a time gets `claimed`; after `markRevealed` nobody does. A claimer that dies
   * lets the lease run out, and the next sweep reveals it.
   */
  claimClose(scope: ScopeId, roundId: string, now: number, leaseMs: number): Promise<ClaimCloseResult>;
  markRevealed(scope: ScopeId, roundId: string): Promise<void>;
  /**
   * Ends a daily round whose question never reached the channel (no `messageRef`), without a reveal:
   * one atomic step marks it closed and revealed and, if no later round took a number since, gives its
   * sequence number back, so the next round carries it and streaks go on. False (and no change) when
   * the round is gone, already revealed or was posted after all.
   */
  dropUnpostedRound(round: Pick<Round, 'scope' | 'id' | 'channelId'>): Promise<boolean>;
}

export interface QuestionRotationStore {
  /** Question ids already asked in this channel's current cycle. */
  askedQuestions(channel: ChannelRef): Promise<string[]>;
  /** Adds the question to the cycle; with `newCycle` the cycle is emptied first. */
  markAsked(channel: ChannelRef, questionId: string, newCycle: boolean): Promise<void>;
}

export interface BoardQuery {
  scope: ScopeId;
  period: Period;
  /** The period bucket's key; ignored for `all`. */
  periodKey: string;
  limit: number;
  viewerId?: string;
}

export interface BoardStore {
  leaderboard(query: BoardQuery): Promise<Leaderboard>;
  teamLeaderboard(query: Omit<BoardQuery, 'viewerId'>): Promise<TeamLeaderboard>;
  playerStats(
    scope: ScopeId,
    playerId: string,
    periods: { week: string; month: string },
  ): Promise<PlayerStats>;
}

export type JoinTeamResult =
  | { kind: 'joined'; team: Team; created: boolean; left: Team | null }
  | { kind: 'already-member'; team: Team };

export type LeaveTeamResult = { kind: 'left'; team: Team } | { kind: 'not-in-team' };

/** A player the scope knows, as the dashboard lists them. */
export interface ScopePlayer {
  id: string;
  /** From the player's latest daily answer; their id when none named them yet. */
  displayName: string;
  /** Null when the player is in no team. */
  teamId: string | null;
}

export interface TeamStore {
  /**
   * Puts the player in the team `teamId` (case-folded name), creating it with `name` if new and taking
   * them out of any other team first: a player is in at most one team per scope.
   */
  joinTeam(scope: ScopeId, playerId: string, teamId: string, name: string): Promise<JoinTeamResult>;
  leaveTeam(scope: ScopeId, playerId: string): Promise<LeaveTeamResult>;
  /** Teams with at least one member, largest first. */
  listTeams(scope: ScopeId): Promise<Team[]>;
  teamOf(scope: ScopeId, playerId: string): Promise<Team | null>;
  /**
   * Every player the scope knows (named by a daily answer, or in a team), each once, with their team: one
   * read for a whole workspace (the dashboard's team page), in no particular order.
   */
  scopePlayers(scope: ScopeId): Promise<ScopePlayer[]>;
}

export interface PreferenceStore {
  userLocale(scope: ScopeId, userId: string): Promise<Locale | null>;
  setUserLocale(scope: ScopeId, userId: string, locale: Locale): Promise<void>;
}

export interface QuizStore
  extends RoundStore,
    QuestionRotationStore,
    BoardStore,
    TeamStore,
    PreferenceStore,
    LearningStore,
    ExamStore {}
