import { describe } from 'vitest';
import { describeAnswers } from './answers.js';
import { describeBoards } from './boards.js';
import { describeClosing } from './closing.js';
import { describeExams } from './exams.js';
import { contractFixtures, type StoreUnderTest } from './fixtures.js';
import { describeLearning } from './learning.js';
import { describeMultiSelect } from './multi-select.js';
import { describeRotation } from './rotation.js';
import { describeRounds } from './rounds.js';
import { describeScoringAndStreaks } from './scoring-and-streaks.js';
import { describeStatsAndLocales } from './stats-and-locales.js';
import { describeTeams } from './teams.js';

export type { StoreUnderTest } from './fixtures.js';

/**
 * The QuizStore contract: every implementation (memory, Redis, Redis Cluster) runs these cases
 * unchanged. The memory store's semantics are the reference; see the TSDoc in `ports/quiz-store.ts`.
 *
 * Each case gets a fresh store from `makeStore` and its own scope id, so cases never see each other's
 * data even when the stores share one server. The cases live in one file per area of the port.
 */
export function describeQuizStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (QuizStore contract)`, () => {
    const fx = contractFixtures(makeStore);
    describeRounds(fx);
    describeAnswers(fx);
    describeMultiSelect(fx);
    describeScoringAndStreaks(fx);
    describeClosing(fx);
    describeRotation(fx);
    describeBoards(fx);
    describeTeams(fx);
    describeStatsAndLocales(fx);
    describeLearning(fx);
    describeExams(fx);
  });
}
