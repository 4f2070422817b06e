import { questionVersion } from '../../src/core/learning/question-version.js';
import type { Question } from '../../src/core/model/model.js';
import { periodBuckets } from '../../src/core/model/periods.js';
import { seededRandom } from '../../src/core/model/random.js';
import { POINTS_BY_STREAK } from '../../src/core/model/scoring.js';
import type { QuestionBank } from '../../src/core/ports/question-bank.js';
import type { QuizStore } from '../../src/core/ports/quiz-store.js';

const DAY = 86_400_000;

export interface DashboardSeed {
  scope: string;
  players: number;
  /** Answers per player (spread over the 8 weeks before `now`). */
  answersPerPlayer: number;
  now: number;
  timeZone: string;
  /** Display names; the first player is `viewerId` (the one the pages are shown to). */
  names?: (i: number) => string;
  teams?: string[];
  seed?: number;
}

export const SEED_VIEWER = 'P0001';

/**
 * A workspace with history, written through the store's own methods (rounds, answers, teams, reports), so
 * pages read what a real workspace would hold: players answering daily and practice questions over eight
 * weeks, stronger players more often right, a few teams, and open reports on some questions.
 */
export async function seedDashboardWorkspace(store: QuizStore, bank: QuestionBank, seed: DashboardSeed): Promise<void> {
  const random = seededRandom(seed.seed ?? 7);
  const questions = bank.all();
  const names = seed.names ?? ((i: number) => `Player ${i + 1}`);
  const teams = seed.teams ?? ['Data', 'Platform', 'Research', 'Serving'];
  let roundNo = 0;
  const players = Array.from({ length: seed.players }, (_, i) => ({
    id: `P${String(i + 1).padStart(4, '0')}`,
    name: names(i),
    skill: 0.35 + 0.5 * random(),
  }));
  // Teams first: points count for a team from when its member joins.
  await runLimited(players, 32, async (p, i) => {
    if (i % 5 === 4) return; // some players are in no team
    const team = teams[i % teams.length] ?? 'Data';
    await store.joinTeam(seed.scope, p.id, team.toLowerCase(), team);
  });
  const answer = async (p: (typeof players)[number], q: Question, at: number, kind: 'daily' | 'practice') => {
    const right = random() < p.skill;
    const wrongKeys = q.choices.map((c) => c.key).filter((k) => !q.answer.includes(k));
    const choice = right ? [...q.answer].join(',') : (wrongKeys[Math.floor(random() * wrongKeys.length)] ?? 'A');
    roundNo += 1;
    const round = await store.createRound({
      id: `seed-${roundNo}`,
      scope: seed.scope,
      channelId: 'C1',
      questionId: q.id,
      questionVersion: questionVersion(q),
      answerKey: [...q.answer].join(','),
      choiceKeys: q.choices.map((c) => c.key),
      domain: q.domain,
      kind,
      openedAt: at - 1000,
      closesAt: at + 3_600_000,
      ...(kind === 'practice' ? { ownerId: p.id } : {}),
    });
    await store.recordAnswer({
      scope: seed.scope,
      roundId: round.id,
      player: { id: p.id, displayName: p.name },
      choice: q.answer.length > 1 && right ? [...q.answer].sort().join(',') : choice,
      now: at,
      pointsByStreak: POINTS_BY_STREAK,
      periods: periodBuckets(at, seed.timeZone),
    });
  };
  await runLimited(players, 32, async (p) => {
    for (let n = 0; n < seed.answersPerPlayer; n += 1) {
      const q = questions[Math.floor(random() * questions.length)];
      if (!q) continue;
      const at = seed.now - Math.floor(random() * 56 * DAY);
      await answer(p, q, at, n % 3 === 0 ? 'daily' : 'practice');
    }
  });
  // Reports on a handful of questions, one of them suspended (three reporters).
  const reasons = ['wrong-key', 'ambiguous', 'outdated', 'translation'] as const;
  for (let i = 0; i < Math.min(6, questions.length); i += 1) {
    const q = questions[i * 7] ?? questions[0];
    if (!q) continue;
    const reporters = i === 0 ? 3 : 1 + (i % 2);
    for (let r = 0; r < reporters; r += 1) {
      await store.fileReport(
        seed.scope,
        {
          questionId: q.id,
          playerId: players[(i * 11 + r) % players.length]?.id ?? SEED_VIEWER,
          reason: reasons[(i + r) % reasons.length] ?? 'other',
          text: r === 0 ? 'The explanation cites an older product name.' : '',
          at: seed.now - (i + 1) * DAY,
        },
        3,
      );
    }
  }
}

/** Runs `work` over `items` with at most `limit` at once (Redis round trips overlap). */
async function runLimited<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index];
      if (item !== undefined) await work(item, index);
    }
  });
  await Promise.all(workers);
}
