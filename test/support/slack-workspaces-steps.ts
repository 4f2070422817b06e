import { expect } from 'vitest';
import type { FakeWorkspace } from './fake-slack.js';
import type { WorkspacesHarness } from './slack-workspaces-harness.js';

/** Steps shared by the multi-workspace tests. */

export function textOf(body: Record<string, unknown>): string {
  return JSON.stringify(body.blocks ?? body.text ?? '');
}

export async function replyTo(h: WorkspacesHarness, id: string): Promise<string> {
  await expect.poll(() => h.fake.responsesTo(id).length, { timeout: 3000 }).toBeGreaterThan(0);
  return textOf(h.fake.responsesTo(id)[0] ?? {});
}

/**
 * Subscribes `channel` of the workspace to a question every minute, as one of its admins, then moves the
 * clock to 5 s into the next minute: a schedule posts from the first slot after it was set (issue 17.3).
 */
export async function subscribe(h: WorkspacesHarness, ws: FakeWorkspace, channel: string): Promise<void> {
  const admin = `UADMIN${ws.teamId}`;
  h.fake.admins.add(admin);
  const id = `sub-${ws.teamId}-${channel}`;
  await h.command(ws.teamId, 'schedule * * * * *', { user: admin, channel, responseId: id });
  expect(await replyTo(h, id)).toContain('Schedule saved');
  const digest = `${id}-digest`;
  await h.command(ws.teamId, 'schedule digest off', { user: admin, channel, responseId: digest });
  expect(await replyTo(h, digest)).toContain('Weekly digest off');
  h.clock.set(Math.floor(h.clock.now() / 60_000) * 60_000 + 65_000);
}

/** The posted question in `channel` (the last one) and its round id, from the answer buttons. */
export function postedQuestion(h: WorkspacesHarness, channel: string) {
  const post = h.fake
    .callsOf('chat.postMessage')
    .filter((c) => c.body.channel === channel)
    .at(-1);
  const roundId = /"ans:([A-Za-z0-9_-]+):[A-E]"/.exec(textOf(post?.body ?? {}))?.[1];
  return { post, roundId };
}

export function exchangeTranscript(ex: Awaited<ReturnType<WorkspacesHarness['install']>>): string {
  return [
    'GET /slack/install',
    `  -> ${ex.install.status} Location: ${ex.location.origin}${ex.location.pathname}?${ex.location.search.slice(1, 140)}…`,
    `     Set-Cookie: ${ex.install.headers.get('set-cookie')?.slice(0, 60)}…`,
    `GET /slack/oauth_redirect?code=…&state=${ex.state.slice(0, 12)}… (Cookie: ${ex.cookie.slice(0, 34)}…)`,
    `  -> ${ex.redirect.status} ${ex.redirect.headers.get('content-type')}: ${ex.page.replace(/\s+/g, ' ').slice(0, 400)}`,
  ].join('\n');
}
