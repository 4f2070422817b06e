import { afterEach, describe, expect, it } from 'vitest';
import { LINK_RATE } from '../../../../src/adapters/http/dashboard/dashboard-sign-in.js';
import {
  type DashboardWebBed,
  rawRequest,
  startDashboardWebBed,
} from '../../../support/dashboard-web-bed.js';

const beds: DashboardWebBed[] = [];
afterEach(async () => {
  await Promise.all(beds.splice(0).map((b) => b.stop()));
});
const bed = async (options: Parameters<typeof startDashboardWebBed>[0] = {}) => {
  const b = await startDashboardWebBed(options);
  beds.push(b);
  return b;
};

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});

/** Spends a link and returns the session cookie (name=value). */
async function signIn(b: DashboardWebBed, token: string): Promise<string> {
  const res = await fetch(`${b.base}/dash/login`, form({ t: token }));
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('dashboard sign-in', () => {
  it('a GET of the link shows the button and spends nothing: the link still signs in after', async () => {
    const b = await bed();
    const token = await b.link('slack:T1', 'U1');
    for (let i = 0; i < 3; i += 1) {
      const page = await fetch(`${b.base}/dash/login?t=${token}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('set-cookie')).toBeNull();
      const html = await page.text();
      expect(html).toContain('<form method="post" action="/dash/login">');
    }
    expect(await signIn(b, token)).toMatch(/^pq_dash=/);
  });

  it('a link signs in once: the reused link gets the clear page and no session', async () => {
    const b = await bed();
    const token = await b.link('slack:T1', 'U1');
    await signIn(b, token);
    const again = await fetch(`${b.base}/dash/login`, form({ t: token }));
    expect(again.status).toBe(410);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('/quiz dashboard');
    const get = await fetch(`${b.base}/dash/login?t=${token}`);
    expect(get.status).toBe(410);
  });

  it('a forged or altered link gets the clear page and no session', async () => {
    const b = await bed();
    const token = await b.link('slack:T1', 'U1');
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const otherScope = `${Buffer.from('slack:T2').toString('base64url')}.${token.split('.')[1]}`;
    for (const t of [altered, otherScope, 'x', '']) {
      const res = await fetch(`${b.base}/dash/login`, form({ t }));
      expect(res.status).toBe(410);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    await signIn(b, token);
  });

  it('the session cookie is HttpOnly and SameSite=Lax; on https it is __Host- prefixed and Secure', async () => {
    const plain = await bed();
    const res = await fetch(`${plain.base}/dash/login`, form({ t: await plain.link('slack:T1', 'U1') }));
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pq_dash=[^;]+; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/);
    expect(res.headers.get('location')).toBe('/dash/');
    const secure = await bed({ secure: true });
    const res2 = await fetch(`${secure.base}/dash/login`, form({ t: await secure.link('slack:T1', 'U1') }));
    expect(res2.headers.get('set-cookie')).toMatch(
      /^__Host-pq_dash=[^;]+; Path=\/; .*HttpOnly; SameSite=Lax; Secure$/,
    );
  });

  it('stores only hashes of links and sessions', async () => {
    const b = await bed();
    const token = await b.link('slack:T1', 'U1');
    const secret = token.split('.')[1] ?? '';
    expect(await b.store.hasLoginToken('slack:T1', secret)).toBe(false);
    const cookie = await signIn(b, token);
    expect(await b.store.getSession('slack:T1', cookie.split('.')[1] ?? '')).toBeNull();
  });

  it(`issues at most ${LINK_RATE.limit} links per player per window`, async () => {
    const b = await bed();
    for (let i = 0; i < LINK_RATE.limit; i += 1) await b.link('slack:T1', 'U1');
    expect((await b.signIn.issue({ scope: 'slack:T1', playerId: 'U1', isAdmin: false })).kind).toBe(
      'too-many',
    );
    expect((await b.signIn.issue({ scope: 'slack:T1', playerId: 'U2', isAdmin: false })).kind).toBe('link');
  });
});

describe('dashboard pages and actions', () => {
  it('no page with data without a session: 401 and the sign-in help', async () => {
    const b = await bed();
    const bare = await fetch(`${b.base}/dash`, { redirect: 'manual' });
    expect(bare.headers.get('location')).toBe('/dash/');
    for (const path of ['/dash/', '/dash/me', '/dash/team', '/dash/questions', '/dash/questions/q1']) {
      const res = await fetch(`${b.base}${path}`, { headers: { cookie: 'pq_dash=bogus.value' } });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('id="who"');
    }
    expect(b.pages.seen).toHaveLength(0);
  });

  it('every page has the CSP, no-store and the frame headers; the scope comes from the session only', async () => {
    const b = await bed();
    const cookie = await signIn(b, await b.link('slack:T1', 'U1'));
    const res = await fetch(`${b.base}/dash/team?scope=slack:T2&team=slack:T2`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain('slack:T1 U1');
    expect(b.pages.seen.map((v) => v.scope)).toEqual(['slack:T1']);
  });

  it("a session cookie moved to another workspace's scope finds no session", async () => {
    const b = await bed();
    const cookie = await signIn(b, await b.link('slack:T1', 'U1', true));
    const [name, value = ''] = cookie.split('=');
    const moved = `${name}=${Buffer.from('slack:T2').toString('base64url')}.${value.split('.')[1]}`;
    const res = await fetch(`${b.base}/dash/questions`, { headers: { cookie: moved } });
    expect(res.status).toBe(401);
  });

  it('admin pages re-check admin status on every request, not just at sign-in', async () => {
    const b = await bed();
    const cookie = await signIn(b, await b.link('slack:T1', 'U1', true));
    expect((await fetch(`${b.base}/dash/questions`, { headers: { cookie } })).status).toBe(200);
    b.admins.delete('slack:T1|U1');
    const res = await fetch(`${b.base}/dash/questions/q1`, { headers: { cookie } });
    expect(res.status).toBe(403);
    expect((await fetch(`${b.base}/dash/questions`, { headers: { cookie } })).status).toBe(403);
  });

  it('triage runs the chat command with the session scope, then redirects to the question', async () => {
    const b = await bed();
    const cookie = await signIn(b, await b.link('slack:T1', 'U1', true));
    const page = await (await fetch(`${b.base}/dash/questions/q1`, { headers: { cookie } })).text();
    const res = await fetch(`${b.base}/dash/questions/q1/dismiss`, {
      ...form({ _csrf: csrfOf(page) }),
      headers: { ...form({}).headers, cookie },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dash/questions/q1');
    const restore = await fetch(`${b.base}/dash/questions/q1/restore`, {
      ...form({ _csrf: csrfOf(page) }),
      headers: { ...form({}).headers, cookie },
    });
    expect(restore.status).toBe(303);
    expect(b.ran).toEqual([
      { command: { kind: 'reports-dismiss', questionId: 'q1' }, scope: 'slack:T1', userId: 'U1' },
      { command: { kind: 'restore', questionId: 'q1' }, scope: 'slack:T1', userId: 'U1' },
    ]);
  });

  it('a triage without the CSRF token, with a wrong one, or from another site changes nothing (403)', async () => {
    const b = await bed();
    const cookie = await signIn(b, await b.link('slack:T1', 'U1', true));
    const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie };
    const missing = await fetch(`${b.base}/dash/questions/q1/dismiss`, {
      method: 'POST',
      headers,
      body: '',
      redirect: 'manual',
    });
    expect(missing.status).toBe(403);
    const wrong = await fetch(`${b.base}/dash/questions/q1/dismiss`, {
      method: 'POST',
      headers,
      body: '_csrf=nope',
      redirect: 'manual',
    });
    expect(wrong.status).toBe(403);
    const page = await (await fetch(`${b.base}/dash/questions/q1`, { headers: { cookie } })).text();
    const crossSite = await fetch(`${b.base}/dash/questions/q1/dismiss`, {
      method: 'POST',
      headers: { ...headers, origin: 'https://evil.example' },
      body: `_csrf=${csrfOf(page)}`,
      redirect: 'manual',
    });
    expect(crossSite.status).toBe(403);
    expect(b.ran).toEqual([]);
  });

  it('a non-admin cannot triage even with a valid CSRF token', async () => {
    const b = await bed();
    const cookie = await signIn(b, await b.link('slack:T1', 'U1'));
    const page = await (await fetch(`${b.base}/dash/`, { headers: { cookie } })).text();
    const res = await fetch(`${b.base}/dash/questions/q1/dismiss`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: `_csrf=${csrfOf(page)}`,
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(b.ran).toEqual([]);
  });

  it('language: the /quiz lang choice, else Accept-Language, else QUIZ_LOCALE; the switch runs /quiz lang', async () => {
    const b = await bed();
    const cookie = await signIn(b, await b.link('slack:T1', 'U1'));
    const html = (accept?: string) =>
      fetch(`${b.base}/dash/`, {
        headers: { cookie, ...(accept ? { 'accept-language': accept } : {}) },
      }).then((r) => r.text());
    expect(await html()).toContain('<html lang="ja">');
    expect(await html('en-US,en;q=0.9')).toContain('<html lang="en">');
    expect(await html('fr, ja;q=0.5, en;q=0.4')).toContain('<html lang="ja">');
    const page = await html('en');
    const res = await fetch(`${b.base}/dash/lang`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: csrfOf(page), locale: 'ja', back: '/dash/team' }).toString(),
      redirect: 'manual',
    });
    expect(res.headers.get('location')).toBe('/dash/team');
    expect(await html('en')).toContain('<html lang="ja">');
  });

  it('sign out deletes the session', async () => {
    const b = await bed();
    const cookie = await signIn(b, await b.link('slack:T1', 'U1'));
    const page = await (await fetch(`${b.base}/dash/`, { headers: { cookie } })).text();
    const out = await fetch(`${b.base}/dash/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: `_csrf=${csrfOf(page)}`,
    });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await fetch(`${b.base}/dash/`, { headers: { cookie } })).status).toBe(401);
  });

  it('uninstall (deleteScope) ends the sessions of that workspace only', async () => {
    const b = await bed();
    const one = await signIn(b, await b.link('slack:T1', 'U1'));
    const two = await signIn(b, await b.link('slack:T2', 'U1'));
    expect(await b.store.deleteScope('slack:T1')).toBe(1);
    expect((await fetch(`${b.base}/dash/`, { headers: { cookie: one } })).status).toBe(401);
    expect((await fetch(`${b.base}/dash/`, { headers: { cookie: two } })).status).toBe(200);
  });

  it('console mode answers only loopback Host names with its port (DNS rebinding)', async () => {
    const b = await bed({ loopbackOnly: true });
    const port = new URL(b.base).port;
    for (const host of [`evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, 'localhost']) {
      const refused = await rawRequest(`${b.base}/dash/login?t=x`, { headers: { host } });
      expect(refused.status).toBe(421);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const served = await rawRequest(`${b.base}/dash/login?t=x`, { headers: { host } });
      expect(served.status).toBe(410);
    }
  });
});
