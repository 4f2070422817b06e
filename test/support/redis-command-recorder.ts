import type { Cluster, Redis } from 'ioredis';

/**
 * Records every command the given clients send (as `name firstArg`) while `run` runs: how a test counts
 * the Redis round trips of one click. Hooks `sendCommand`, so scripts count as one EVALSHA.
 */
export function redisCommandRecorder(
  clients: readonly (Redis | Cluster | undefined)[],
): (run: () => Promise<void>) => Promise<string[]> {
  const sent: string[] = [];
  let recording = false;
  for (const client of clients) {
    if (!client) continue;
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((command: { name: string; args: unknown[] }) => {
      if (recording) sent.push(`${command.name} ${String(command.args[0] ?? '')}`);
      return send(command as never);
    }) as typeof client.sendCommand;
  }
  return async (run) => {
    sent.length = 0;
    recording = true;
    try {
      await run();
    } finally {
      recording = false;
    }
    return [...sent];
  };
}
