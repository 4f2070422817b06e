import { App, type BlockAction, type ButtonAction, HTTPReceiver, LogLevel } from '@slack/bolt';

/**
 * The baseline of the Slack benchmark: a Bolt app with the same HTTPReceiver settings as ours
 * (src/adapters/slack/register-slack.ts) whose click handler does the least any app must do: ack, then
 * one ephemeral reply through response_url, sent the way ours sends it. No store, no rendering.
 * Run by bench/slack-e2e.ts as `node --import tsx bench/support/bare-bolt-app.ts` with
 * SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL and PORT.
 */

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const app = new App({
  token: env('SLACK_BOT_TOKEN'),
  receiver: new HTTPReceiver({
    signingSecret: env('SLACK_SIGNING_SECRET'),
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logLevel: LogLevel.WARN,
  }),
  clientOptions: { slackApiUrl: env('SLACK_API_URL') },
  logLevel: LogLevel.WARN,
});

app.action<BlockAction<ButtonAction>>(/^ans:/, async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks, your answer is in.' });
});

// Loopback only: the benchmark's traffic never leaves the machine.
await app.start({ port: Number(env('PORT')), host: '127.0.0.1' });

process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
