import type { Period, ScopeId } from '../../core/model/model.js';

/** A board bucket name shared by player and team boards: `w:2026-W48`, `m:2026-11`, `all`. */
export function bucketName(period: Period, periodKey: string): string {
  if (period === 'all') return 'all';
  return `${period === 'week' ? 'w' : 'm'}:${periodKey}`;
}

/**
 * The key schema (docs/redis-keys.md). Every key of a scope carries the scope as a hash tag,
 * `pq:{slack:T1}:...`, so a script that touches several of them stays in one Redis Cluster slot.
 * The one cross-scope key, the due-rounds index, is only ever used by single-key commands.
 */
export class RedisKeys {
  constructor(readonly prefix = 'pq') {
    // A brace in the prefix would become the hash tag and put every scope in one slot.
    if (/[{}]/.test(prefix)) throw new Error(`redis key prefix must not contain braces: ${prefix}`);
  }

  /** `pq:{<scope>}:`, the start of every key of the scope. */
  scope(scope: ScopeId): string {
    // Only the first `{...}` counts as the tag; a brace in the scope would cut it short.
    if (/[{}]/.test(scope)) throw new Error(`scope id must not contain braces: ${scope}`);
    return `${this.prefix}:{${scope}}:`;
  }

  /** ZSET `<scope>|<roundId>` scored by closesAt, over all scopes. */
  due(): string {
    return `${this.prefix}:due`;
  }

  round(scope: ScopeId, roundId: string): string {
    return `${this.scope(scope)}round:${roundId}`;
  }

  answers(scope: ScopeId, roundId: string): string {
    return `${this.scope(scope)}answers:${roundId}`;
  }

  seq(scope: ScopeId, channelId: string): string {
    return `${this.scope(scope)}seq:${channelId}`;
  }

  latestDaily(scope: ScopeId, channelId: string): string {
    return `${this.scope(scope)}latest:${channelId}`;
  }

  asked(scope: ScopeId, channelId: string): string {
    return `${this.scope(scope)}asked:${channelId}`;
  }

  board(scope: ScopeId, bucket: string): string {
    return `${this.scope(scope)}board:${bucket}`;
  }

  teamBoard(scope: ScopeId, bucket: string): string {
    return `${this.scope(scope)}tboard:${bucket}`;
  }

  /** SET of `<playerId>\n<teamId>`: who already scored for which team in the bucket. */
  teamScorers(scope: ScopeId, bucket: string): string {
    return `${this.scope(scope)}tscorers:${bucket}`;
  }

  /** HASH teamId -> number of distinct scorers in the bucket. */
  teamScorerCounts(scope: ScopeId, bucket: string): string {
    return `${this.scope(scope)}tscount:${bucket}`;
  }

  player(scope: ScopeId, playerId: string): string {
    return `${this.scope(scope)}player:${playerId}`;
  }

  names(scope: ScopeId): string {
    return `${this.scope(scope)}names`;
  }

  teams(scope: ScopeId): string {
    return `${this.scope(scope)}teams`;
  }

  /** HASH teamId -> member count; a team without members has no field. */
  teamSizes(scope: ScopeId): string {
    return `${this.scope(scope)}teamsizes`;
  }

  membership(scope: ScopeId): string {
    return `${this.scope(scope)}membership`;
  }

  locales(scope: ScopeId): string {
    return `${this.scope(scope)}locales`;
  }

  /** LIST of the player's answers, `at|questionId|right|domain|kind`, and `at|questionId|g` guess marks. */
  reviewLog(scope: ScopeId, playerId: string): string {
    return `${this.scope(scope)}rlog:${playerId}`;
  }

  /** SET of players who turned `/quiz review` off. */
  reviewOff(scope: ScopeId): string {
    return `${this.scope(scope)}reviewoff`;
  }

  /** HASH playerId -> the player's exam date, `YYYY-MM-DD`. */
  examDates(scope: ScopeId): string {
    return `${this.scope(scope)}examdate`;
  }

  /**
   * HASH of the item statistics: `f|<questionId>@<version>|<playerId>` -> 1 (right) or 0 for each player's
   * first answer to a version, `o|<questionId>@<version>|<key>` -> how often the key was picked.
   */
  items(scope: ScopeId): string {
    return `${this.scope(scope)}items`;
  }

  /** HASH playerId -> JSON report: the open reports on one question. */
  reports(scope: ScopeId, questionId: string): string {
    return `${this.scope(scope)}reports:${questionId}`;
  }

  /** SET of question ids with open reports. */
  reported(scope: ScopeId): string {
    return `${this.scope(scope)}reported`;
  }

  /** SET of question ids left out of the scope's new rounds. */
  suspended(scope: ScopeId): string {
    return `${this.scope(scope)}suspended`;
  }

  /**
   * HASH: the player's latest mock exam, open or submitted (fields in scripts/exam-scripts.lua.ts); replaced by
   * their next exam, and expires 90 days after its deadline.
   */
  exam(scope: ScopeId, playerId: string): string {
    return `${this.scope(scope)}exam:${playerId}`;
  }

  /** LIST of the player's exam answers in the review log's form (`...|exam`), apart from `rlog`. */
  examLog(scope: ScopeId, playerId: string): string {
    return `${this.scope(scope)}xlog:${playerId}`;
  }

  /** LIST of the player's exam results (JSON), newest first. */
  examResults(scope: ScopeId, playerId: string): string {
    return `${this.scope(scope)}xresults:${playerId}`;
  }

  /** ZSET `<scope>|<playerId>|<examId>` scored by deadline, over all scopes: the sweep's open exams. */
  examsDue(): string {
    return `${this.prefix}:examdue`;
  }

  /** HASH `json` (the mock day) and `status`: a team mock day of the scope. */
  mockDay(scope: ScopeId, id: string): string {
    return `${this.scope(scope)}mockday:${id}`;
  }

  /** HASH playerId -> examId: who took the mock day, with which exam (HSETNX: one exam each). */
  mockDayPlayers(scope: ScopeId, id: string): string {
    return `${this.scope(scope)}mockplayers:${id}`;
  }

  /** SET of players who may be named in mock-day summaries (`/quiz exam public on`). */
  examPublic(scope: ScopeId): string {
    return `${this.scope(scope)}exampublic`;
  }

  /** ZSET `<scope>|<id>` scored by the time of a mock day's next step, over all scopes. */
  mockDaysDue(): string {
    return `${this.prefix}:mockdays`;
  }
}
