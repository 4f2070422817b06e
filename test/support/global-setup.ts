import { browserRequirement, chromiumPath } from './browser-requirement.js';
import { redisRequirement, redisSuites } from './redis-requirement.js';
import { hasRedisServerBinary } from './redis-server.js';
import { ROOT } from './run-entry-point.js';

/** Once per `vitest run`: fail at the start with how to install Redis, or say what is skipped. */
export default function setup(): void {
  const notice = redisRequirement(hasRedisServerBinary(), process.env, redisSuites(ROOT));
  if (notice) process.stderr.write(`\n${notice}\n\n`);
  // No Chromium: the run fails with how to install it, unless QUIZ_TEST_SKIP_BROWSER=1.
  const browserNotice = browserRequirement(chromiumPath(), process.env);
  if (browserNotice) process.stderr.write(`\n${browserNotice}\n\n`);
}
