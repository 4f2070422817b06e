import { questionVersion } from '../../src/core/learning/question-version.js';
import type { Question } from '../../src/core/model/model.js';
import { periodBuckets } from '../../src/core/model/periods.js';
import { POINTS_BY_STREAK } from '../../src/core/model/scoring.js';
import type { QuizStore } from '../../src/core/ports/quiz-store.js';

/**
 * A workspace with a dashboard's worth of data, written through the store's own operations: one daily round
 * per question spread over the last eight weeks, each answered by a deterministic share of the players (each
 * with a skill of their own), players in teams, a few reports. Names and report texts include markup, so the
 * pages' escaping is exercised by the same data. Used by the dashboard tests and timing scripts.
 */
export interface DashboardSeed {
  scope: string;
  players: number;
  questions: readonly Question[];
  /** Roughly how many of the rounds each player answers. */
  answersPerPlayer: number;
  teams: number;
  now: number;
  timeZone: string;
  /** How many players answer at once (the store's calls in flight). */
  parallel?: number;
}

export const HOSTILE_NAME = '<script>window.__owned=1</script>&"Eve\'';
export const HOSTILE_REPORT = '<img src=x onerror="window.__owned=2"> & "quotes"';

const DAY_MS = 86_400_000;

/** A small deterministic hash of two integers, in [0, 1). */
function unit(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 2 ** 32;
}

export function seedPlayerId(i: number): string {
  return `U${String(i).padStart(4, '0')}`;
}

export async function seedDashboard(store: QuizStore, seed: DashboardSeed): Promise<void> {
  const { scope, questions, now, timeZone } = seed;
  const span = 55 * DAY_MS;
  const parallel = seed.parallel ?? 50;
  const share = Math.min(1, seed.answersPerPlayer / Math.max(1, questions.length));
  const playerIds = Array.from({ length: seed.players }, (_, i) => seedPlayerId(i));
  const nameOf = (i: number): string => (i === 1 ? HOSTILE_NAME : `Player ${i}`);

  for (let t = 0; t < seed.teams; t++) {
    const team = t === 0 ? '<b>Team</b> & co' : `team ${t}`;
    const members = playerIds.filter((_, i) => i % (seed.teams + 1) === t);
    await inBatches(members, parallel, (id) => store.joinTeam(scope, id, team.toLowerCase(), team));
  }

  for (const [q, question] of questions.entries()) {
    const openedAt = now - span + Math.floor((q * span) / Math.max(1, questions.length));
    const key = question.answer.join(',');
    const round = await store.createRound({
      id: `dash-${q}`,
      scope,
      channelId: 'C-dash',
      questionId: question.id,
      questionVersion: questionVersion(question),
      answerKey: key,
      choiceKeys: question.choices.map((c) => c.key),
      domain: question.domain,
      kind: 'daily',
      openedAt,
      // Open until a day after `now`: on Redis a round expires 14 days after it closes (wall-clock
      // PEXPIREAT), so a round closed weeks before today would be gone before its answers are written.
      closesAt: Math.max(openedAt, now) + DAY_MS,
    });
    const answering = playerIds.filter((_, p) => unit(p, q) < share);
    await inBatches(answering, parallel, async (id) => {
      const p = playerIds.indexOf(id);
      const skill = 0.35 + 0.6 * unit(p, -1);
      const right = unit(p, q + 7919) < skill;
      const wrong = question.choices.map((c) => c.key).filter((k) => !question.answer.includes(k));
      const choice = right ? key : (wrong[Math.floor(unit(q, p) * wrong.length)] ?? key);
      const at = openedAt + Math.floor(unit(q, p + 31) * 8 * 3_600_000);
      await store.recordAnswer({
        scope,
        roundId: round.id,
        player: { id, displayName: nameOf(p) },
        choice,
        now: at,
        pointsByStreak: POINTS_BY_STREAK,
        periods: periodBuckets(at, timeZone),
      });
    });
  }

  const reported = questions.slice(0, Math.min(3, questions.length));
  for (const [i, question] of reported.entries()) {
    for (let r = 0; r <= i; r++) {
      await store.fileReport(
        scope,
        {
          questionId: question.id,
          playerId: playerIds[r] ?? 'U-report',
          reason: r === 0 ? 'wrong-key' : 'ambiguous',
          text: r === 0 ? HOSTILE_REPORT : '',
          at: now - (i + 1) * DAY_MS,
        },
        3,
      );
    }
  }
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}
