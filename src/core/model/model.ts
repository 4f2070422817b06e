/** The quiz's domain types. Platform-neutral: ids are opaque strings chosen by the adapters. */

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = Record<Locale, string>;

export type Difficulty = 'easy' | 'medium' | 'hard';
export type QuestionStyle = 'scenario' | 'concept';

export interface ExamDomain {
  id: string;
  section: number;
  name: Localized;
  /** Share of the exam in percent. */
  weight: number;
}

export interface Choice {
  /** Stable key, `A` to `E`. */
  key: string;
  text: Localized;
  /** Why this choice is right or wrong. */
  why: Localized;
}

export interface Question {
  id: string;
  domain: string;
  difficulty: Difficulty;
  style: QuestionStyle;
  tags: string[];
  services: string[];
  /** Seed fact numbers (`F12`) or documentation URLs. */
  sources: string[];
  stem: Localized;
  choices: Choice[];
  /** Keys of the right choices, in bank order: one for a single answer, 2 or 3 for "choose two/three". */
  answer: readonly string[];
  explanation: Localized;
  /** The id of the question this one rewrites (its statistics start afresh). */
  replaces?: string;
}

export type Platform = 'slack' | 'discord' | 'console';

/**
 * A scope is one Slack workspace, one Discord guild or the local console: boards, teams and settings
 * are per scope. Written `slack:T123`, `discord:81234`, `console:local`.
 */
export type ScopeId = string;

export function scopeId(platform: Platform, id: string): ScopeId {
  return `${platform}:${id}`;
}

export function platformOf(scope: ScopeId): Platform {
  const platform = scope.slice(0, scope.indexOf(':'));
  if (platform === 'slack' || platform === 'discord' || platform === 'console') return platform;
  throw new Error(`not a scope id: ${scope}`);
}

/** A channel in a scope: where rounds are posted. */
export interface ChannelRef {
  scope: ScopeId;
  channelId: string;
}

/**
 * A daily round is scheduled and scored; a practice round is one player's private question, never scored;
 * a review round is a practice round dealt from the player's FSRS review queue (`/quiz review`).
 */
export type RoundKind = 'daily' | 'practice' | 'review';
export type RoundStatus = 'open' | 'closed';

export interface Round {
  id: string;
  scope: ScopeId;
  channelId: string;
  questionId: string;
  kind: RoundKind;
  status: RoundStatus;
  /** Epoch milliseconds. */
  openedAt: number;
  closesAt: number;
  /** Per-channel sequence number of daily rounds (streaks need "the next one"); 0 for practice rounds. */
  seq: number;
  /** Where the platform put the question (Slack `ts`, Discord message id), once posted. */
  messageRef?: string;
  /** The player a practice round was dealt to. */
  ownerId?: string;
  /**
   * Bank keys in the order shown (displayed as A, B, C...), fixed when the round opened. Absent on rounds
   * opened before orders were shuffled: those show the bank order.
   */
  choiceOrder?: readonly string[];
}

export interface Player {
  id: string;
  /** Shown on boards; stored at answer time so boards never need a platform API call. */
  displayName: string;
}

/** Votes per choice key (a multiple-select answer counts for each option picked), and the number of answers. */
export interface Tally {
  counts: Record<string, number>;
  total: number;
  /** Answers that were wholly right (the exact set of a multiple-select question). */
  right: number;
}

export type Period = 'week' | 'month' | 'all';

/** The points an answer's feedback shows: this week's and all time's (the month is on the boards only). */
export type AnswerTotals = Record<Exclude<Period, 'month'>, number>;
export const PERIODS: readonly Period[] = ['week', 'month', 'all'];

export interface BoardEntry {
  /** Equal scores share a rank (1, 2, 2, 4). */
  rank: number;
  playerId: string;
  displayName: string;
  points: number;
}

export interface Leaderboard {
  period: Period;
  /** `2026-W48`, `2026-11` or `all`. */
  periodKey: string;
  entries: BoardEntry[];
  /** The asking player's own place, even outside the top N; null when they have no points. */
  viewer: BoardEntry | null;
}

export interface Team {
  /** Case-folded name: the identity used for uniqueness. */
  id: string;
  /** The name as first written, made safe to echo. */
  name: string;
  memberCount: number;
}

export interface TeamBoardEntry {
  rank: number;
  teamId: string;
  name: string;
  memberCount: number;
  /** Members who scored in the period. */
  scorers: number;
  total: number;
  /** total / scorers, the ranking key (fair to small teams); ties by total. */
  average: number;
}

export interface TeamLeaderboard {
  period: Period;
  periodKey: string;
  entries: TeamBoardEntry[];
}

export interface DomainStats {
  answered: number;
  correct: number;
}

export interface PlayerStats {
  playerId: string;
  displayName: string | null;
  points: Record<Period, number>;
  rank: Record<Period, number | null>;
  streak: number;
  bestStreak: number;
  answered: number;
  correct: number;
  perDomain: Record<string, DomainStats>;
  team: Team | null;
}

/** Enough to find a round: its scope and id. */
export interface RoundRef {
  scope: ScopeId;
  roundId: string;
}
