import type {
  ChannelRef,
  DomainStats,
  Leaderboard,
  Locale,
  Period,
  PlayerStats,
  Round,
  RoundRef,
  ScopeId,
  Tally,
  Team,
  TeamLeaderboard,
} from '../../core/model.js';
import type {
  BoardQuery,
  ClaimCloseResult,
  JoinTeamResult,
  LeaveTeamResult,
  NewRound,
  QuizStore,
  RecordAnswerInput,
  RecordAnswerResult,
} from '../../core/ports/quiz-store.js';
import { rankBoard, rankTeams } from '../../core/ranking.js';
import { streakStillAlive } from '../../core/streaks.js';

interface StoredRound {
  round: Round;
  answerKey: string;
  choiceKeys: string[];
  domain: string;
  answers: Map<string, string>;
  counts: Map<string, number>;
  claimUntil: number;
  revealed: boolean;
}

interface StreakState {
  streak: number;
  best: number;
  lastChannel: string;
  lastSeq: number;
}

interface TeamRecord {
  name: string;
  members: Set<string>;
}

/** A board bucket name shared by player and team boards: `w:2026-W48`, `m:2026-11`, `all`. */
function bucket(period: Period, periodKey: string): string {
  return period === 'all' ? 'all' : `${period === 'week' ? 'w' : 'm'}:${periodKey}`;
}

/**
 * The quiz store in process memory, for console mode and unit tests. It keeps the same semantics as
 * the Redis store (the shared contract suite holds both to it) but loses everything on exit, and
 * ignores expiry.
 */
export class MemoryQuizStore implements QuizStore {
  private readonly rounds = new Map<string, StoredRound>();
  private readonly seqs = new Map<string, number>();
  private readonly latestDaily = new Map<string, string>();
  private readonly asked = new Map<string, Set<string>>();
  private readonly boards = new Map<string, Map<string, number>>();
  private readonly teamBoards = new Map<string, Map<string, number>>();
  private readonly teamScorers = new Map<string, Set<string>>();
  private readonly names = new Map<string, string>();
  private readonly streaks = new Map<string, StreakState>();
  private readonly stats = new Map<
    string,
    { answered: number; correct: number; perDomain: Map<string, DomainStats> }
  >();
  private readonly teams = new Map<string, Map<string, TeamRecord>>();
  private readonly membership = new Map<string, string>();
  private readonly locales = new Map<string, Locale>();

  async createRound(input: NewRound): Promise<Round> {
    const channel = `${input.scope}|${input.channelId}`;
    let seq = 0;
    if (input.kind === 'daily') {
      seq = (this.seqs.get(channel) ?? 0) + 1;
      this.seqs.set(channel, seq);
      this.latestDaily.set(channel, input.id);
    }
    const round: Round = {
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
    };
    this.rounds.set(`${input.scope}|${input.id}`, {
      round,
      answerKey: input.answerKey,
      choiceKeys: [...input.choiceKeys],
      domain: input.domain,
      answers: new Map(),
      counts: new Map(),
      claimUntil: 0,
      revealed: false,
    });
    return { ...round };
  }

  async getRound(scope: ScopeId, roundId: string): Promise<Round | null> {
    const stored = this.rounds.get(`${scope}|${roundId}`);
    return stored ? { ...stored.round } : null;
  }

  async setRoundMessage(scope: ScopeId, roundId: string, messageRef: string): Promise<void> {
    const stored = this.rounds.get(`${scope}|${roundId}`);
    if (stored) stored.round.messageRef = messageRef;
  }

  async latestDailyRound(channel: ChannelRef): Promise<Round | null> {
    const id = this.latestDaily.get(`${channel.scope}|${channel.channelId}`);
    return id ? this.getRound(channel.scope, id) : null;
  }

  async recordAnswer(input: RecordAnswerInput): Promise<RecordAnswerResult> {
    const stored = this.rounds.get(`${input.scope}|${input.roundId}`);
    if (!stored?.choiceKeys.includes(input.choice)) return { kind: 'unknown-round' };
    const { round } = stored;
    if (round.status !== 'open' || input.now >= round.closesAt) {
      return { kind: 'closed', questionId: round.questionId };
    }
    const previous = stored.answers.get(input.player.id);
    if (previous !== undefined)
      return { kind: 'duplicate', questionId: round.questionId, previousChoice: previous };

    stored.answers.set(input.player.id, input.choice);
    stored.counts.set(input.choice, (stored.counts.get(input.choice) ?? 0) + 1);
    const correct = input.choice === stored.answerKey;
    const playerKey = `${input.scope}|${input.player.id}`;
    const state = this.streaks.get(playerKey) ?? { streak: 0, best: 0, lastChannel: '', lastSeq: 0 };
    let points = 0;

    if (round.kind === 'daily') {
      this.names.set(playerKey, input.player.displayName);
      const continues = state.lastChannel === round.channelId && state.lastSeq === round.seq - 1;
      const streakBefore = continues ? state.streak : 0;
      if (correct) {
        const table = input.pointsByStreak;
        points = table[Math.min(streakBefore, table.length - 1)] ?? 0;
        state.streak = streakBefore + 1;
        state.best = Math.max(state.best, state.streak);
      } else {
        state.streak = 0;
      }
      state.lastChannel = round.channelId;
      state.lastSeq = round.seq;
      this.streaks.set(playerKey, state);

      const stats = this.stats.get(playerKey) ?? { answered: 0, correct: 0, perDomain: new Map() };
      const domain = stats.perDomain.get(stored.domain) ?? { answered: 0, correct: 0 };
      stats.answered += 1;
      domain.answered += 1;
      if (correct) {
        stats.correct += 1;
        domain.correct += 1;
      }
      stats.perDomain.set(stored.domain, domain);
      this.stats.set(playerKey, stats);

      if (points > 0) {
        const team = this.membership.get(playerKey);
        for (const name of [`w:${input.periods.week.key}`, `m:${input.periods.month.key}`, 'all']) {
          increment(this.boardOf(this.boards, input.scope, name), input.player.id, points);
          if (team) {
            increment(this.boardOf(this.teamBoards, input.scope, name), team, points);
            this.scorersOf(input.scope, name, team).add(input.player.id);
          }
        }
      }
    }

    const score = (name: string): number =>
      this.boards.get(`${input.scope}|${name}`)?.get(input.player.id) ?? 0;
    return {
      kind: 'recorded',
      questionId: round.questionId,
      roundKind: round.kind,
      correct,
      points,
      streak: state.streak,
      totals: {
        week: score(`w:${input.periods.week.key}`),
        month: score(`m:${input.periods.month.key}`),
        all: score('all'),
      },
      answerCount: stored.answers.size,
    };
  }

  async tally(scope: ScopeId, roundId: string): Promise<Tally> {
    const stored = this.rounds.get(`${scope}|${roundId}`);
    return { counts: Object.fromEntries(stored?.counts ?? []), total: stored?.answers.size ?? 0 };
  }

  async dueRounds(now: number, limit: number): Promise<RoundRef[]> {
    return [...this.rounds.values()]
      .filter((s) => s.round.kind === 'daily' && !s.revealed && s.round.closesAt <= now)
      .sort(byDueOrder)
      .slice(0, limit)
      .map((s) => ({ scope: s.round.scope, roundId: s.round.id }));
  }

  async claimClose(scope: ScopeId, roundId: string, now: number, leaseMs: number): Promise<ClaimCloseResult> {
    const stored = this.rounds.get(`${scope}|${roundId}`);
    if (!stored) return { kind: 'unknown-round' };
    if (stored.revealed) return { kind: 'already-revealed' };
    if (stored.claimUntil > now) return { kind: 'busy' };
    stored.round.status = 'closed';
    stored.claimUntil = now + leaseMs;
    return { kind: 'claimed', round: { ...stored.round }, tally: await this.tally(scope, roundId) };
  }

  async markRevealed(scope: ScopeId, roundId: string): Promise<void> {
    const stored = this.rounds.get(`${scope}|${roundId}`);
    if (stored) {
      stored.round.status = 'closed';
      stored.revealed = true;
    }
  }

  async askedQuestions(channel: ChannelRef): Promise<string[]> {
    return [...(this.asked.get(`${channel.scope}|${channel.channelId}`) ?? [])];
  }

  async markAsked(channel: ChannelRef, questionId: string, newCycle: boolean): Promise<void> {
    const key = `${channel.scope}|${channel.channelId}`;
    const set = newCycle ? new Set<string>() : (this.asked.get(key) ?? new Set<string>());
    set.add(questionId);
    this.asked.set(key, set);
  }

  async leaderboard(query: BoardQuery): Promise<Leaderboard> {
    const board = this.boards.get(`${query.scope}|${bucket(query.period, query.periodKey)}`) ?? new Map();
    const scores = [...board.entries()].map(([playerId, points]) => ({ playerId, points }));
    const ranked = rankBoard(scores, (id) => this.names.get(`${query.scope}|${id}`) ?? id);
    const viewer = query.viewerId ? (ranked.find((e) => e.playerId === query.viewerId) ?? null) : null;
    return {
      period: query.period,
      periodKey: query.period === 'all' ? 'all' : query.periodKey,
      entries: ranked.slice(0, query.limit),
      viewer,
    };
  }

  async teamLeaderboard(query: Omit<BoardQuery, 'viewerId'>): Promise<TeamLeaderboard> {
    const name = bucket(query.period, query.periodKey);
    const board = this.teamBoards.get(`${query.scope}|${name}`) ?? new Map();
    const teams = this.teams.get(query.scope) ?? new Map<string, TeamRecord>();
    const rows = [...board.entries()].map(([teamId, total]) => ({
      teamId,
      name: teams.get(teamId)?.name ?? teamId,
      memberCount: teams.get(teamId)?.members.size ?? 0,
      scorers: this.scorersOf(query.scope, name, teamId).size,
      total,
    }));
    return {
      period: query.period,
      periodKey: query.period === 'all' ? 'all' : query.periodKey,
      entries: rankTeams(rows).slice(0, query.limit),
    };
  }

  async playerStats(
    scope: ScopeId,
    playerId: string,
    periods: { week: string; month: string },
  ): Promise<PlayerStats> {
    const key = `${scope}|${playerId}`;
    const points = {} as Record<Period, number>;
    const rank = {} as Record<Period, number | null>;
    for (const [period, name] of [
      ['week', `w:${periods.week}`],
      ['month', `m:${periods.month}`],
      ['all', 'all'],
    ] as const) {
      const board = this.boards.get(`${scope}|${name}`);
      const mine = board?.get(playerId);
      points[period] = mine ?? 0;
      rank[period] =
        mine === undefined || !board ? null : 1 + [...board.values()].filter((p) => p > mine).length;
    }
    const state = this.streaks.get(key);
    const stats = this.stats.get(key);
    return {
      playerId,
      displayName: this.names.get(key) ?? null,
      points,
      rank,
      streak: state ? await this.liveStreak(scope, state) : 0,
      bestStreak: state?.best ?? 0,
      answered: stats?.answered ?? 0,
      correct: stats?.correct ?? 0,
      perDomain: Object.fromEntries([...(stats?.perDomain ?? [])].map(([d, s]) => [d, { ...s }])),
      team: await this.teamOf(scope, playerId),
    };
  }

  async joinTeam(scope: ScopeId, playerId: string, teamId: string, name: string): Promise<JoinTeamResult> {
    const teams = this.teams.get(scope) ?? new Map<string, TeamRecord>();
    this.teams.set(scope, teams);
    const key = `${scope}|${playerId}`;
    const current = this.membership.get(key);
    if (current === teamId) return { kind: 'already-member', team: this.teamView(teamId, teams) };
    let left: Team | null = null;
    if (current) {
      teams.get(current)?.members.delete(playerId);
      left = this.teamView(current, teams);
    }
    const existing = teams.get(teamId);
    const created = !existing || existing.members.size === 0;
    const record = existing ?? { name, members: new Set<string>() };
    if (created) record.name = name;
    record.members.add(playerId);
    teams.set(teamId, record);
    this.membership.set(key, teamId);
    return { kind: 'joined', team: this.teamView(teamId, teams), created, left };
  }

  async leaveTeam(scope: ScopeId, playerId: string): Promise<LeaveTeamResult> {
    const key = `${scope}|${playerId}`;
    const current = this.membership.get(key);
    const teams = this.teams.get(scope);
    if (!current || !teams) return { kind: 'not-in-team' };
    teams.get(current)?.members.delete(playerId);
    this.membership.delete(key);
    return { kind: 'left', team: this.teamView(current, teams) };
  }

  async listTeams(scope: ScopeId): Promise<Team[]> {
    const teams = this.teams.get(scope) ?? new Map<string, TeamRecord>();
    return [...teams.keys()]
      .map((id) => this.teamView(id, teams))
      .filter((t) => t.memberCount > 0)
      .sort((a, b) => b.memberCount - a.memberCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async teamOf(scope: ScopeId, playerId: string): Promise<Team | null> {
    const current = this.membership.get(`${scope}|${playerId}`);
    const teams = this.teams.get(scope);
    return current && teams ? this.teamView(current, teams) : null;
  }

  async userLocale(scope: ScopeId, userId: string): Promise<Locale | null> {
    return this.locales.get(`${scope}|${userId}`) ?? null;
  }

  async setUserLocale(scope: ScopeId, userId: string, locale: Locale): Promise<void> {
    this.locales.set(`${scope}|${userId}`, locale);
  }

  /** A stored streak is broken once a later daily round of that channel closed without the player's answer. */
  private async liveStreak(scope: ScopeId, state: StreakState): Promise<number> {
    const latest = await this.latestDailyRound({ scope, channelId: state.lastChannel });
    return streakStillAlive(state.streak, state.lastSeq, latest) ? state.streak : 0;
  }

  private teamView(teamId: string, teams: Map<string, TeamRecord>): Team {
    const record = teams.get(teamId);
    return { id: teamId, name: record?.name ?? teamId, memberCount: record?.members.size ?? 0 };
  }

  private boardOf(
    boards: Map<string, Map<string, number>>,
    scope: ScopeId,
    name: string,
  ): Map<string, number> {
    const key = `${scope}|${name}`;
    const board = boards.get(key) ?? new Map<string, number>();
    boards.set(key, board);
    return board;
  }

  private scorersOf(scope: ScopeId, name: string, teamId: string): Set<string> {
    const key = `${scope}|${name}|${teamId}`;
    const set = this.teamScorers.get(key) ?? new Set<string>();
    this.teamScorers.set(key, set);
    return set;
  }
}

/**
 * Oldest `closesAt` first; ties in binary order of `<scope>|<roundId>`, the order the Redis store's due
 * index (a sorted set of such members) gives them.
 */
function byDueOrder(a: StoredRound, b: StoredRound): number {
  const member = (s: StoredRound): Buffer => Buffer.from(`${s.round.scope}|${s.round.id}`);
  return a.round.closesAt - b.round.closesAt || Buffer.compare(member(a), member(b));
}

function increment(board: Map<string, number>, member: string, by: number): void {
  board.set(member, (board.get(member) ?? 0) + by);
}
