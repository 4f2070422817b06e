import type { ExamDomain, Team } from '../../model/model.js';
import type { ReviewLogEntry } from '../../ports/learning-store.js';
import { type Readiness, readiness, type ScoredAnswer, type SectionReadiness } from '../readiness.js';
import { LocalDays } from './local-days.js';

/**
 * Pooled figures are shown only for a group of at least three members who have answered: with fewer, a
 * pooled figure is one or two people's own results under another name.
 */
export const MIN_POOLED_MEMBERS = 3;
/** The participation chart's span. */
export const PARTICIPATION_WEEKS = 8;

/** Names in a fixed, numeric-aware order ("Player 2" before "Player 10"), the same on every machine. */
const byName = new Intl.Collator('en', { numeric: true });

export interface WeekParticipation {
  /** ISO week key, `2026-W48`, in the bot's time zone (the boards' weeks). */
  week: string;
  /** Members who answered at least once that week. */
  active: number;
  answers: number;
}

export interface GroupProgress {
  /** The team id; null for the whole workspace or guild. */
  teamId: string | null;
  name: string | null;
  members: number;
  /** Members with at least one answer: the pooled readiness needs `MIN_POOLED_MEMBERS` of them. */
  contributors: number;
  /** Null below `MIN_POOLED_MEMBERS` contributors. */
  readiness: Readiness | null;
  participation: WeekParticipation[];
}

export interface MemberRow {
  playerId: string;
  name: string;
  teamId: string | null;
  answered: number;
  sections: SectionReadiness[];
}

export interface TeamProgress {
  scope: GroupProgress;
  /** In the order of `teams` (largest first). */
  teams: GroupProgress[];
  /** Every known player with their own readiness per section, by name: admins see all, members their own. */
  members: MemberRow[];
}

export interface KnownPlayer {
  id: string;
  name: string;
  teamId: string | null;
}

export interface TeamProgressInput {
  players: readonly KnownPlayer[];
  logs: ReadonlyMap<string, readonly ReviewLogEntry[]>;
  teams: readonly Team[];
  domains: readonly ExamDomain[];
  now: number;
  timeZone: string;
}

/** A workspace's progress and each team's, from the players' logs: pure, so it is tested on fixed data. */
export function teamProgress(input: TeamProgressInput): TeamProgress {
  const { players, logs, domains, now } = input;
  const days = new LocalDays(input.timeZone);
  const weeks = days.lastWeeks(now, PARTICIPATION_WEEKS);
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));

  // One pass over each log: the player's answers scored for pooling, and their activity per week.
  const answersOf = new Map<string, ScoredAnswer[]>();
  const weeksOf = new Map<string, number[]>();
  for (const p of players) {
    const log = logs.get(p.id) ?? [];
    const perWeek = weeks.map(() => 0);
    const scored: ScoredAnswer[] = [];
    for (const e of log) {
      scored.push({
        at: e.at,
        questionId: e.questionId,
        domain: e.domain,
        correct: e.correct,
        playerId: p.id,
      });
      const i = weekIndex.get(days.weekOf(e.at));
      if (i !== undefined) perWeek[i] = (perWeek[i] ?? 0) + 1;
    }
    answersOf.set(p.id, scored);
    weeksOf.set(p.id, perWeek);
  }

  const group = (teamId: string | null, name: string | null, members: readonly KnownPlayer[]) => {
    const contributing = members.filter((m) => (answersOf.get(m.id)?.length ?? 0) > 0);
    const pooled =
      contributing.length >= MIN_POOLED_MEMBERS
        ? readiness(
            contributing.flatMap((m) => answersOf.get(m.id) ?? []),
            domains,
            now,
          )
        : null;
    const participation = weeks.map((week, i) => {
      let active = 0;
      let answers = 0;
      for (const m of members) {
        const n = weeksOf.get(m.id)?.[i] ?? 0;
        if (n > 0) active += 1;
        answers += n;
      }
      return { week, active, answers };
    });
    return {
      teamId,
      name,
      members: members.length,
      contributors: contributing.length,
      readiness: pooled,
      participation,
    };
  };

  const byTeam = new Map<string, KnownPlayer[]>();
  for (const p of players) {
    if (p.teamId === null) continue;
    const list = byTeam.get(p.teamId);
    if (list) list.push(p);
    else byTeam.set(p.teamId, [p]);
  }

  const members = players
    .map((p): MemberRow => {
      const own = readiness(answersOf.get(p.id) ?? [], domains, now);
      return {
        playerId: p.id,
        name: p.name,
        teamId: p.teamId,
        answered: logs.get(p.id)?.length ?? 0,
        sections: own.sections,
      };
    })
    .sort((a, b) => byName.compare(a.name, b.name) || a.playerId.localeCompare(b.playerId));

  return {
    scope: group(null, null, players),
    teams: input.teams.map((t) => group(t.id, t.name, byTeam.get(t.id) ?? [])),
    members,
  };
}
