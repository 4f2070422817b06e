import { redisRequirement, redisSuites } from './redis-requirement.js';
import { hasRedisServerBinary } from './redis-server.js';
import { ROOT } from './run-entry-point.js';

/** Once per `vitest run`: fail at the start with how to install Redis, or say what is skipped. */
export default function setup(): void {
  const notice = redisRequirement(hasRedisServerBinary(), process.env, redisSuites(ROOT));
  if (notice) process.stderr.write(`\n${notice}\n\n`);
}
