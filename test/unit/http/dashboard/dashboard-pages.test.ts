import { beforeAll, describe, expect, it } from 'vitest';
import { createDashboardPages } from '../../../../src/adapters/http/dashboard/create-dashboard-pages.js';
import type {
  DashboardPages,
  DashboardViewer,
  PageResult,
} from '../../../../src/adapters/http/dashboard/dashboard-pages.js';
import { TRIAGE_PATHS } from '../../../../src/adapters/http/dashboard/dashboard-pages.js';
import { MemoryQuizStore } from '../../../../src/adapters/memory/memory-quiz-store.js';
import type { Locale } from '../../../../src/core/model/model.js';
import { aBank, aQuestion, ManualClock } from '../../../support/builders.js';
import {
  HOSTILE_NAME,
  HOSTILE_REPORT,
  seedDashboard,
  seedPlayerId,
} from '../../../support/dashboard-seed.js';

const SCOPE = 'slack:TDASH';
const NOW = Date.parse('2026-12-07T03:00:00Z');
const questions = Array.from({ length: 12 }, (_, i) =>
  aQuestion({
    id: `q-${i + 1}`,
    domain: i % 2 === 0 ? 'low-code-ai' : 'monitoring',
    stem: { ja: `問題 ${i + 1} <b>太字</b>`, en: `Question ${i + 1} uses <script>x()</script> & more` },
  }),
);
const bank = aBank(questions);
let pages: DashboardPages;

const viewer = (overrides: Partial<DashboardViewer> = {}): DashboardViewer => ({
  scope: SCOPE,
  playerId: seedPlayerId(1),
  isAdmin: true,
  locale: 'en',
  csrfToken: 'csrf-"token"',
  ...overrides,
});

function body(result: PageResult): string {
  if ('kind' in result) throw new Error(`expected a page, got ${result.kind}`);
  return result.html;
}

/** What no page may contain: raw markup from data, inline style or script, an event handler attribute. */
function expectSafe(html: string): void {
  expect(html).not.toContain('<script');
  expect(html).not.toContain('<img');
  expect(html).not.toContain('<b>');
  // Inside a tag: escaped text may say "onerror=", but never within `<...>`.
  expect(html).not.toMatch(/<[^>]*\sstyle=/);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+=/);
}

beforeAll(async () => {
  const store = new MemoryQuizStore();
  await seedDashboard(store, {
    scope: SCOPE,
    players: 12,
    questions,
    answersPerPlayer: 10,
    teams: 2,
    now: NOW,
    timeZone: 'Asia/Tokyo',
  });
  pages = createDashboardPages({ store, bank, clock: new ManualClock(NOW), timeZone: 'Asia/Tokyo' });
});

describe('dashboard pages', () => {
  it.each<Locale>(['ja', 'en'])(
    'renders every page in %s, escaped, with no inline script or style',
    async (locale) => {
      const text = {
        ja: ['自分の学習状況', 'チームの状況', '問題の品質', 'セクション別の試験準備度'],
        en: ['My progress', 'Team progress', 'Question quality', 'Exam readiness per section'],
      }[locale];
      const me = await pages.me(viewer({ locale }));
      const team = await pages.team(viewer({ locale }));
      const list = body(await pages.questions(viewer({ locale }), new URLSearchParams()));
      const one = body(await pages.question(viewer({ locale }), 'q-1'));
      expect(me.title).toBe(text[0]);
      expect(me.html).toContain(`<h1>${text[0]}</h1>`);
      expect(team.html).toContain(`<h1>${text[1]}</h1>`);
      expect(list).toContain(`<h1>${text[2]}</h1>`);
      expect(me.html).toContain(text[3]);
      for (const html of [me.html, team.html, list, one]) expectSafe(html);
      // The hostile name and report text show, escaped.
      expect(team.html).toContain('&lt;script&gt;window.__owned=1&lt;/script&gt;&amp;&quot;Eve&#39;');
      expect(team.html).toContain('&lt;b&gt;Team&lt;/b&gt; &amp; co');
      expect(one).toContain(
        '&lt;img src=x onerror=&quot;window.__owned=2&quot;&gt; &amp; &quot;quotes&quot;',
      );
      expect(one).toContain('Question 1 uses &lt;script&gt;x()&lt;/script&gt; &amp; more');
      expect(one).toContain('問題 1 &lt;b&gt;太字&lt;/b&gt;');
      // The question in both languages, each marked with its language.
      expect(one).toContain('<section lang="ja">');
      expect(one).toContain('<section lang="en">');
      expect(one).toContain('<p class="stem">Explanation</p>');
      expect(HOSTILE_NAME).toContain('<script>');
      expect(HOSTILE_REPORT).toContain('onerror');
    },
  );

  it('draws charts as labelled SVG images with a table of the same figures', async () => {
    const me = (await pages.me(viewer())).html;
    expect(me.match(/<svg class="chart"[^>]*role="img"/g)?.length).toBe(3);
    expect(me).toContain('<title id="me-1-title">Exam readiness per section</title>');
    expect(me).toMatch(/<th scope="col">Section<\/th>/);
    expect(me).toMatch(/<div class="table-wrap" role="region" tabindex="0" aria-label="[^"]+">/);
  });

  it('shows admins every member row of the heatmap and members only their own', async () => {
    const admin = (await pages.team(viewer())).html;
    const member = (await pages.team(viewer({ isAdmin: false, playerId: seedPlayerId(2) }))).html;
    const rowsOf = (html: string) =>
      html.slice(html.indexOf('class="data heatmap"')).match(/<tr><th scope="row">/g)?.length;
    expect(admin).toContain('Members × sections');
    expect(rowsOf(admin)).toBe(12);
    expect(member).not.toContain('Members × sections');
    expect(member).toContain('Your readiness per section');
    expect(rowsOf(member)).toBe(1);
    expect(member).toContain('<th scope="row">Player 2</th>');
    expect(member).not.toContain('Player 3</th>');
  });

  it('keeps the question pages to admins and answers not-found for unknown ids', async () => {
    const member = viewer({ isAdmin: false });
    expect(await pages.questions(member, new URLSearchParams())).toEqual({ kind: 'forbidden' });
    expect(await pages.question(member, 'q-1')).toEqual({ kind: 'forbidden' });
    expect(await pages.question(viewer(), 'no-such-question')).toEqual({ kind: 'not-found' });
  });

  it('renders the triage forms with the session CSRF token, escaped', async () => {
    // q-3 has three reports in the seed: it is suspended; q-1 has one.
    const suspended = body(await pages.question(viewer(), 'q-3'));
    expect(suspended).toContain(`action="${TRIAGE_PATHS.dismiss('q-3')}"`);
    expect(suspended).toContain(`action="${TRIAGE_PATHS.restore('q-3')}"`);
    expect(suspended).toContain('<input type="hidden" name="_csrf" value="csrf-&quot;token&quot;">');
    const reported = body(await pages.question(viewer(), 'q-1'));
    expect(reported).toContain(TRIAGE_PATHS.dismiss('q-1'));
    expect(reported).not.toContain(TRIAGE_PATHS.restore('q-1'));
    const quiet = body(await pages.question(viewer(), 'q-9'));
    expect(quiet).not.toContain('<form');
  });

  it('filters the question list from the query and ignores unknown values', async () => {
    const reported = body(await pages.questions(viewer(), new URLSearchParams('filter=reported')));
    expect(reported).toContain('Showing 3 of 12 question versions.');
    expect(reported).toContain('<option value="reported" selected>');
    expect(reported).toContain('href="/dash/questions/q-2"');
    const junk = body(
      await pages.questions(viewer(), new URLSearchParams('filter=<x>&sort=1&order=sideways')),
    );
    expect(junk).toContain('Showing 12 of 12 question versions.');
    expect(junk).toContain('<option value="all" selected>');
  });
});
