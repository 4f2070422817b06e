import type { Cluster, Redis } from 'ioredis';
import type { QuizScripts } from './quiz-scripts.js';
import type { RedisKeys } from './redis-keys.js';

/** What the store's operation modules share: the client, the key schema and the registered scripts. */
export interface RedisStoreContext {
  client: Redis | Cluster;
  keys: RedisKeys;
  scripts: QuizScripts;
}
