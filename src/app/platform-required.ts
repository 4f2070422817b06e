/**
 * The container image passes this on its command line: an image started with no platform configured
 * (an unfilled .env) must stop and say what to set, not fall back to the local console mode, read the
 * end of an absent stdin and exit 0 for a restart policy to repeat for ever. `npm start` does not pass it.
 */
export const REQUIRE_PLATFORM_FLAG = '--require-platform';

export const NO_PLATFORM_CONFIGURED = [
  'No chat platform is configured, and this image does not run the local console mode.',
  'Set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode),',
  'or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET (many workspaces),',
  'and/or DISCORD_TOKEN with DISCORD_APPLICATION_ID, plus REDIS_URL (see .env.example).',
].join('\n');
