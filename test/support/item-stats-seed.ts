import { periodBuckets } from '../../src/core/model/periods.js';
import { POINTS_BY_STREAK } from '../../src/core/model/scoring.js';
import type { QuizStore } from '../../src/core/ports/quiz-store.js';

/**
 * A seeded data set whose item statistics were computed by hand (see item-statistics.test.ts).
 * Workspace T1, players P1-P4, items x, y, z (right = 1):
 *       x  y  z
 *   P1  1  1  1
 *   P2  1  0  1
 *   P3  0  0  1
 *   P4  0  1  0
 * plus workspace T2, whose player P1 (another person) answers only x, right: counted in p, but without
 * other items left out of the discrimination. P1 of T1 answers x a second time, wrongly: not a first
 * answer, so not counted. A wrong answer picks A, a right one B.
 *   x: answered 5, right 3, p 0.6,  discrimination  1/√3      =  0.57735
 *   y: answered 4, right 2, p 0.5,  discrimination -0.25/√0.6875 = -0.30151 (check the key)
 *   z: answered 4, right 3, p 0.75, discrimination  0          (weak)
 */
export const SEEDED_MATRIX: Record<string, Record<string, 0 | 1>> = {
  P1: { x: 1, y: 1, z: 1 },
  P2: { x: 1, y: 0, z: 1 },
  P3: { x: 0, y: 0, z: 1 },
  P4: { x: 0, y: 1, z: 0 },
};

const NOW = Date.UTC(2030, 0, 7, 1);

export async function seedItemStats(store: QuizStore, scopes: { t1: string; t2: string }): Promise<void> {
  let n = 0;
  const answerItem = async (scope: string, item: string, player: string, right: boolean) => {
    const round = await store.createRound({
      id: `seed-${++n}`,
      scope,
      channelId: 'C1',
      questionId: item,
      questionVersion: 'v1',
      answerKey: 'B',
      choiceKeys: ['A', 'B', 'C', 'D'],
      domain: 'd1',
      kind: 'practice',
      openedAt: NOW - 1000,
      closesAt: NOW + 3_600_000,
      ownerId: player,
    });
    await store.recordAnswer({
      scope,
      roundId: round.id,
      player: { id: player, displayName: player },
      choice: right ? 'B' : 'A',
      now: NOW,
      pointsByStreak: POINTS_BY_STREAK,
      periods: periodBuckets(NOW, 'Asia/Tokyo'),
    });
  };
  for (const [player, row] of Object.entries(SEEDED_MATRIX)) {
    for (const [item, right] of Object.entries(row)) await answerItem(scopes.t1, item, player, right === 1);
  }
  await answerItem(scopes.t1, 'x', 'P1', false);
  await answerItem(scopes.t2, 'x', 'P1', true);
  await store.fileReport(
    scopes.t1,
    { questionId: 'y', playerId: 'P3', reason: 'wrong-key', text: '', at: NOW },
    3,
  );
}

/**
 * First answers to one question version, `picks[key]` players picking each key (one player each, so every
 * answer is a first answer), in one scope: enough answers for distractor efficiency.
 */
export async function seedOptionPicks(
  store: QuizStore,
  scope: string,
  item: { questionId: string; version: string; choiceKeys: string[]; answerKey: string },
  picks: Record<string, number>,
): Promise<void> {
  let n = 0;
  for (const [choice, count] of Object.entries(picks)) {
    for (let i = 0; i < count; i++) {
      const player = `picker-${choice}-${i}`;
      const round = await store.createRound({
        id: `picks-${item.questionId}-${++n}`,
        scope,
        channelId: 'C1',
        questionId: item.questionId,
        questionVersion: item.version,
        answerKey: item.answerKey,
        choiceKeys: item.choiceKeys,
        domain: 'd1',
        kind: 'practice',
        openedAt: NOW - 1000,
        closesAt: NOW + 3_600_000,
        ownerId: player,
      });
      await store.recordAnswer({
        scope,
        roundId: round.id,
        player: { id: player, displayName: player },
        choice,
        now: NOW,
        pointsByStreak: POINTS_BY_STREAK,
        periods: periodBuckets(NOW, 'Asia/Tokyo'),
      });
    }
  }
}
