/** The Slack variables that decide between single- and multi-workspace mode (trimmed; empty is unset). */
export interface SlackModeVariables {
  SLACK_CLIENT_ID?: string | undefined;
  SLACK_CLIENT_SECRET?: string | undefined;
  SLACK_STATE_SECRET?: string | undefined;
  SLACK_SIGNING_SECRET?: string | undefined;
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_APP_TOKEN?: string | undefined;
}

/**
 * Multi-workspace mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET): all three and the
 * signing secret, HTTP mode only, and no single-workspace bot token beside them.
 */
export function multiWorkspaceProblems(e: SlackModeVariables): string[] {
  const problems: string[] = [];
  const required = {
    SLACK_CLIENT_ID: e.SLACK_CLIENT_ID,
    SLACK_CLIENT_SECRET: e.SLACK_CLIENT_SECRET,
    SLACK_STATE_SECRET: e.SLACK_STATE_SECRET,
    SLACK_SIGNING_SECRET: e.SLACK_SIGNING_SECRET,
  };
  for (const [name, value] of Object.entries(required)) {
    if (!value) {
      problems.push(
        `${name}: required in multi-workspace mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET together)`,
      );
    }
  }
  if (e.SLACK_BOT_TOKEN) {
    problems.push(
      'SLACK_BOT_TOKEN: not with SLACK_CLIENT_ID/SLACK_CLIENT_SECRET/SLACK_STATE_SECRET; set the bot token for one workspace, or the OAuth variables for many, not both',
    );
  }
  if (e.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_APP_TOKEN: multi-workspace mode installs through HTTP routes and cannot use Socket Mode; unset SLACK_APP_TOKEN (or the OAuth variables)',
    );
  }
  return problems;
}
