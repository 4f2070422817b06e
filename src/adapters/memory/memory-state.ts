import type { DomainStats, Locale, Round, ScopeId } from '../../core/model/model.js';
import { MemoryExams } from './memory-exams.js';
import { MemoryLearning } from './memory-learning.js';

/** A round with what only the store sees: the answer key, the valid choices and the answers so far. */
export interface StoredRound {
  round: Round;
  answerKey: string;
  choiceKeys: string[];
  domain: string;
  questionVersion?: string;
  answers: Map<string, string>;
  counts: Map<string, number>;
  /** Answers that were wholly right. */
  right: number;
  claimUntil: number;
  revealed: boolean;
}

/** Where a player's streak stands: it continues only at the next daily round of the same channel. */
export interface StreakState {
  streak: number;
  best: number;
  lastChannel: string;
  lastSeq: number;
}

/** A player's daily answers counted, in total and per exam domain. */
export interface AnswerCounts {
  answered: number;
  correct: number;
  perDomain: Map<string, DomainStats>;
}

export interface TeamRecord {
  name: string;
  members: Set<string>;
}

/**
 * Everything the memory store holds, shared by its operation modules (as `RedisStoreContext` is for the
 * Redis store): an answer writes the boards, streaks and counts that the board and stats reads see.
 * Keys join the scope and an id with `|`, as the Redis store's due index does; scope ids never contain one.
 */
export class MemoryState {
  /** `<scope>|<roundId>` */
  readonly rounds = new Map<string, StoredRound>();
  /** When expired rounds were last swept out. */
  lastPruneAt = Number.NEGATIVE_INFINITY;
  /** The newest time the engine has told the store (a round's opening): expiry is judged by it. */
  clock = Number.NEGATIVE_INFINITY;
  /** The last daily sequence number per `<scope>|<channelId>`. */
  readonly seqs = new Map<string, number>();
  /** The newest daily round id per `<scope>|<channelId>`. */
  readonly latestDaily = new Map<string, string>();
  /** The current cycle's asked question ids per `<scope>|<channelId>`. */
  readonly asked = new Map<string, Set<string>>();
  /** Player points per `<scope>|<bucket>` (`w:2026-W48`, `m:2026-11`, `all`). */
  readonly boards = new Map<string, Map<string, number>>();
  /** Team points per `<scope>|<bucket>`. */
  readonly teamBoards = new Map<string, Map<string, number>>();
  /** The players who scored for a team per `<scope>|<bucket>|<teamId>`. */
  readonly teamScorers = new Map<string, Set<string>>();
  /** The rest are per `<scope>|<playerId>`. */
  readonly names = new Map<string, string>();
  readonly streaks = new Map<string, StreakState>();
  readonly stats = new Map<string, AnswerCounts>();
  /** Teams per scope, by team id. */
  readonly teams = new Map<string, Map<string, TeamRecord>>();
  /** The team id of each `<scope>|<playerId>` in a team. */
  readonly membership = new Map<string, string>();
  /** `<scope>|<userId>` */
  readonly locales = new Map<string, Locale>();
  /** Review logs, item counters and reports. */
  readonly learning = new MemoryLearning();
  readonly exams = new MemoryExams(this.learning);

  /** The scorer set of a team's bucket, created empty if missing. */
  scorersOf(scope: ScopeId, name: string, teamId: string): Set<string> {
    const key = `${scope}|${name}|${teamId}`;
    const set = this.teamScorers.get(key) ?? new Set<string>();
    this.teamScorers.set(key, set);
    return set;
  }
}
