import { userInfo } from 'node:os';

/**
 * The console player's name: `USER` (Unix), else `USERNAME` (Windows), else the OS account's name (a
 * container or cron job may set neither); empty when none is known, and the session then uses a readable
 * stand-in rather than no name at all.
 */
export function consoleUserName(
  env: NodeJS.ProcessEnv,
  osUser: () => { username: string } = () => userInfo(),
): string {
  const fromEnv = env.USER?.trim() || env.USERNAME?.trim();
  if (fromEnv) return fromEnv;
  try {
    return osUser().username.trim();
  } catch {
    // No passwd entry for this uid (a container run with an arbitrary --user): no name to find.
    return '';
  }
}
