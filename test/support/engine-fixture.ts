import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import type { Question } from '../../src/core/model/model.js';
import { seededRandom } from '../../src/core/model/random.js';
import type { QuizStore } from '../../src/core/ports/quiz-store.js';
import { QuizEngine } from '../../src/core/rounds/quiz-engine.js';
import { aBank, aCatalog, ManualClock, someQuestions } from './builders.js';

/** A QuizEngine on the memory store with a manual clock and a seeded random. */
export function anEngine(options: { questions?: Question[]; seed?: number; store?: QuizStore } = {}) {
  const clock = new ManualClock();
  const store = options.store ?? new MemoryQuizStore();
  let next = 0;
  const engine = new QuizEngine({
    store,
    bank: aBank(options.questions ?? someQuestions(5)),
    catalog: aCatalog(),
    clock,
    random: seededRandom(options.seed ?? 42),
    newId: () => `r${++next}`,
    timeZone: 'Asia/Tokyo',
  });
  return { engine, clock, store };
}

export const CHANNEL = { scope: 'slack:T1', channelId: 'C1' };
