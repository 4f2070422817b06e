import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/app/config.js';
import { createLogger } from '../../../src/app/logger.js';

describe('loadConfig', () => {
  it('runs the console on the memory store with no variables at all', () => {
    const result = loadConfig({});
    expect(result.ok && result.config.store).toEqual({ kind: 'memory' });
    expect(result.ok && result.config.quiz).toMatchObject({
      timeZone: 'Asia/Tokyo',
      cron: '0 9 * * 1-5',
      locale: 'ja',
    });
  });

  it('refuses a platform mode on the memory store unless asked for explicitly', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    const refused = loadConfig(slack);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems.join('\n')).toContain('REDIS_URL: a Slack or Discord bot keeps');
    expect(loadConfig({ ...slack, QUIZ_STORE: 'memory' }).ok).toBe(true);
    expect(loadConfig({ DISCORD_TOKEN: 'd' }).ok).toBe(false);
    const redis = loadConfig({ ...slack, REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: 'x' });
    expect(redis.ok && redis.config.store).toEqual({
      kind: 'redis',
      url: 'redis://127.0.0.1:6379',
      keyPrefix: 'x',
    });
    const cluster = loadConfig({ ...slack, REDIS_CLUSTER_NODES: 'a:1, b:2' });
    expect(cluster.ok && cluster.config.store).toMatchObject({
      kind: 'redis-cluster',
      nodes: [
        { host: 'a', port: 1 },
        { host: 'b', port: 2 },
      ],
    });
  });

  it('reports every malformed or missing variable at once, each with a hint', () => {
    const result = loadConfig({
      SLACK_BOT_TOKEN: 'not-a-token',
      SLACK_APP_TOKEN: 'nope',
      REDIS_URL: 'localhost:6379',
      QUIZ_CRON: '0 25 * * *',
      QUIZ_TIMEZONE: 'Asia/Atlantis',
      DISCORD_SHARDS: 'many',
      LOG_LEVEL: 'loud',
      HOST: 'not an address!',
    });
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : result.problems.join('\n');
    for (const hint of [
      'SLACK_BOT_TOKEN: a bot token starts with xoxb-',
      'SLACK_APP_TOKEN: an app-level token starts with xapp-',
      'REDIS_URL: must look like redis://host:6379',
      'QUIZ_CRON: five cron fields',
      'QUIZ_TIMEZONE: must be an IANA time zone',
      'DISCORD_SHARDS: use auto or a number',
      'LOG_LEVEL: one of',
      'HOST: an address such as 127.0.0.1',
    ]) {
      expect(text).toContain(hint);
    }
  });

  it('puts the internal listener on loopback:9464 unless told otherwise, never on PORT', () => {
    const defaults = loadConfig({});
    expect(defaults.ok && defaults.config.metrics).toEqual({ port: 9464, host: '127.0.0.1', portSet: false });
    const set = loadConfig({ METRICS_PORT: '9100', METRICS_HOST: '0.0.0.0' });
    expect(set.ok && set.config.metrics).toEqual({ port: 9100, host: '0.0.0.0', portSet: true });
    const clash = loadConfig({ PORT: '8080', METRICS_PORT: '8080' });
    expect(!clash.ok && clash.problems).toEqual([
      'METRICS_PORT: must differ from PORT (the internal listener is a server of its own)',
    ]);
    const malformed = loadConfig({ METRICS_PORT: 'http', METRICS_HOST: 'a b' });
    expect(!malformed.ok && malformed.problems.map((p) => p.split(':')[0])).toEqual([
      'METRICS_PORT',
      'METRICS_HOST',
    ]);
  });

  it('asks for what a Slack mode is missing', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', REDIS_URL: 'redis://r:6379' });
    expect(!result.ok && result.problems).toEqual([
      'SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    ]);
  });
});

describe('loadConfig: Slack in many workspaces', () => {
  const oauth = {
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 'a-state-secret-of-32-characters!',
    SLACK_SIGNING_SECRET: 'sig',
    REDIS_URL: 'redis://r:6379',
  };

  it('takes the OAuth variables without a bot token', () => {
    const result = loadConfig(oauth);
    expect(result.ok && result.config.slack).toEqual({
      oauth: { clientId: '1111.2222', clientSecret: 'client-secret', stateSecret: oauth.SLACK_STATE_SECRET },
      signingSecret: 'sig',
    });
  });

  it('reports mixing with the single-workspace token or Socket Mode, with the other problems', () => {
    const result = loadConfig({
      ...oauth,
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      QUIZ_CRON: 'never',
    });
    expect(!result.ok && result.problems.map((p) => p.split(':')[0])).toEqual([
      'QUIZ_CRON',
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
    ]);
    expect(!result.ok && result.problems.join('\n')).toContain('not both');
    expect(!result.ok && result.problems.join('\n')).toContain('cannot use Socket Mode');
  });

  it('asks for every missing OAuth variable and for Redis', () => {
    const partial = loadConfig({ SLACK_CLIENT_ID: '1111.2222', QUIZ_STORE: 'memory' });
    expect(!partial.ok && partial.problems.map((p) => p.split(':')[0])).toEqual([
      'SLACK_CLIENT_SECRET',
      'SLACK_STATE_SECRET',
      'SLACK_SIGNING_SECRET',
      'QUIZ_STORE',
    ]);
    const noRedis = loadConfig({ ...oauth, REDIS_URL: '' });
    expect(!noRedis.ok && noRedis.problems.join('\n')).toContain('REDIS_URL: a Slack or Discord bot keeps');
    const weak = loadConfig({ ...oauth, SLACK_STATE_SECRET: 'short', SLACK_CLIENT_ID: 'abc' });
    expect(!weak.ok && weak.problems.map((p) => p.split(':')[0])).toEqual([
      'SLACK_CLIENT_ID',
      'SLACK_STATE_SECRET',
    ]);
  });

  it('leaves single-workspace mode as it was', () => {
    const result = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      REDIS_URL: 'redis://r:6379',
    });
    expect(result.ok && result.config.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 's' });
  });
});

describe('logs', () => {
  it('redact tokens, signing secrets, authorization headers and interaction tokens', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = createLogger({ level: 'info', levelSet: true, pretty: false }, sink);
    log.info(
      { token: 'xoxb-secret-1', settings: { botToken: 'xoxb-secret-2', signingSecret: 'sig-secret-3' } },
      'a',
    );
    log.info({ req: { headers: { authorization: 'Bearer secret-4' } } }, 'b');
    log.info({ headers: { authorization: 'Bot secret-5', 'x-slack-signature': 'v0=secret-6' } }, 'c');
    log.info({ interaction: { id: '1', token: 'secret-7' } }, 'd');
    log
      .child({ component: 'discord' })
      .info({ settings: { token: 'secret-8', appToken: 'xapp-secret-9' } }, 'e');
    expect(out).not.toMatch(/secret-\d/);
    expect(out).toContain('[redacted]');
    expect(out.trim().split('\n')).toHaveLength(5);
    for (const line of out.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});
