import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import { describeQuizStoreContract } from '../support/store-contract/index.js';

describeQuizStoreContract('MemoryQuizStore', async () => ({
  store: new MemoryQuizStore(),
  cleanup: async () => {},
}));
