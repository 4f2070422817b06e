import { createHmac } from 'node:crypto';

/**
 * Signed Slack requests, as Slack sends them to `POST /slack/events`: form-encoded, with
 * `x-slack-signature = v0=HMAC-SHA256(secret, "v0:<ts>:<body>")` over the exact body bytes.
 */

export const BENCH_TEAM = 'TBENCH';

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export function signed(body: string, secret: string, now = Date.now()): SignedRequest {
  const ts = String(Math.floor(now / 1000));
  const signature = createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': `v0=${signature}`,
    },
  };
}

let trigger = 0;

/** A slash command (e.g. `/quiz post`) whose private reply goes to `responseUrl`. */
export function slashCommand(
  input: { command: string; text: string; channel: string; user: string; responseUrl: string },
  secret: string,
): SignedRequest {
  const body = new URLSearchParams({
    command: input.command,
    text: input.text,
    team_id: BENCH_TEAM,
    channel_id: input.channel,
    user_id: input.user,
    user_name: input.user.toLowerCase(),
    response_url: input.responseUrl,
    trigger_id: `bench-trigger-${++trigger}`,
    api_app_id: 'ABENCH',
  }).toString();
  return signed(body, secret);
}

/** A `block_actions` click on button `actionId`; each click carries its own response_url. */
export function buttonClick(
  input: { actionId: string; channel: string; user: string; responseUrl: string },
  secret: string,
): SignedRequest {
  const name = `user-${input.user.toLowerCase()}`;
  const payload = {
    type: 'block_actions',
    team: { id: BENCH_TEAM, domain: 'bench' },
    user: { id: input.user, username: name, name, team_id: BENCH_TEAM },
    api_app_id: 'ABENCH',
    token: 'legacy-verification-token',
    trigger_id: `bench-trigger-${++trigger}`,
    channel: { id: input.channel, name: 'quiz' },
    container: { type: 'message', channel_id: input.channel, message_ts: '1700000001.000100' },
    response_url: input.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'answers',
        value: input.actionId,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return signed(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), secret);
}

/** The answer buttons of a posted question: `ans:<roundId>:<choice>` action ids. */
export function answerButtons(blocks: unknown): { roundId: string; actionIds: string[] } {
  const actionIds = [...JSON.stringify(blocks).matchAll(/"action_id":"(ans:[^"]+)"/g)].map((m) => m[1] ?? '');
  const roundId = actionIds[0]?.split(':')[1];
  if (!roundId) throw new Error('the posted question has no answer buttons');
  return { roundId, actionIds };
}
