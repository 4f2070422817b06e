import { LocalDays } from '../../../core/learning/dashboard/local-days.js';
import { meProgress } from '../../../core/learning/dashboard/me-progress.js';
import {
  parseQuestionQuery,
  questionFigures,
  selectQuestionRows,
} from '../../../core/learning/dashboard/question-figures.js';
import { type TeamProgress, teamProgress } from '../../../core/learning/dashboard/team-progress.js';
import { type ItemStatsRow, scopeItemStatistics } from '../../../core/learning/item-statistics.js';
import { periodBuckets } from '../../../core/model/periods.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { QuestionBank } from '../../../core/ports/question-bank.js';
import type { QuizStore } from '../../../core/ports/quiz-store.js';
import type { DashboardPages, DashboardViewer, PageBody, PageResult } from './dashboard-pages.js';
import { renderMePage } from './me-page.js';
import { pageMessages } from './page-messages.js';
import { renderQuestionPage } from './question-page.js';
import { renderQuestionsPage } from './questions-page.js';
import { ScopeCache } from './scope-cache.js';
import { renderTeamPage } from './team-page.js';

/** How many players and teams the week's boards show. */
const BOARD_SIZE = 10;
/** A scope's team and question figures are at most this old unless told otherwise. */
const DEFAULT_CACHE_MS = 30_000;

export interface DashboardPagesDeps {
  store: QuizStore;
  bank: QuestionBank;
  clock: Clock;
  /** The bot's time zone (`QUIZ_TIMEZONE`): days and weeks of the charts, as the boards count them. */
  timeZone: string;
  /** How long a scope's team and question figures are reused (ms); 0 reads them on every request. */
  cacheMs?: number;
}

/**
 * The dashboard's pages over the store and the bank. Reports and suspensions are read on every request (so a
 * triage shows at once); the costly figures (every log, every first answer) are reused for `cacheMs`, and
 * then reloaded behind the request that finds them old (`ScopeCache`), so only a scope's first view waits
 * for them.
 */
export function createDashboardPages(deps: DashboardPagesDeps): DashboardPages {
  const { store, bank, clock, timeZone } = deps;
  const cacheMs = deps.cacheMs ?? DEFAULT_CACHE_MS;
  const teamCache = new ScopeCache<TeamProgress>(clock, cacheMs);
  const itemCache = new ScopeCache<ItemStatsRow[]>(clock, cacheMs);
  const domains = bank.domains();

  const loadTeam = async (scope: string): Promise<TeamProgress> => {
    const [players, teams] = await Promise.all([store.scopePlayers(scope), store.listTeams(scope)]);
    const logs = await Promise.all(players.map((p) => store.reviewLog(scope, p.id)));
    return teamProgress({
      players: players.map((p) => ({ id: p.id, name: p.displayName, teamId: p.teamId })),
      logs: new Map(players.map((p, i) => [p.id, logs[i] ?? []])),
      teams,
      domains,
      now: clock.now(),
      timeZone,
    });
  };

  const loadItems = async (scope: string): Promise<ItemStatsRow[]> => {
    const { counters, responses } = await store.itemData(scope);
    return scopeItemStatistics(counters, responses);
  };

  const scopeFigures = async (scope: string) => {
    const [stats, reports, suspended] = await Promise.all([
      itemCache.get(scope, () => loadItems(scope)),
      store.openReports(scope),
      store.suspendedQuestions(scope),
    ]);
    const suspendedSet = new Set(suspended);
    return {
      rows: questionFigures(stats, bank.all(), reports, suspendedSet),
      reports,
      suspended: suspendedSet,
    };
  };

  return {
    async me(viewer: DashboardViewer): Promise<PageBody> {
      const m = pageMessages(viewer.locale);
      const now = clock.now();
      const periods = periodBuckets(now, timeZone);
      const { scope, playerId } = viewer;
      const [log, history, suspended, reviewsOn, examDate, stats] = await Promise.all([
        store.reviewLog(scope, playerId),
        store.examHistory(scope, playerId),
        store.suspendedQuestions(scope),
        store.reviewEnabled(scope, playerId),
        store.examDate(scope, playerId),
        store.playerStats(scope, playerId, { week: periods.week.key, month: periods.month.key }),
      ]);
      const model = meProgress({
        log,
        examHistory: history,
        suspended: new Set(suspended),
        reviewsOn,
        examDate,
        streak: stats.streak,
        bestStreak: stats.bestStreak,
        bank,
        domains,
        now,
        timeZone,
      });
      return { title: m.meTitle, html: renderMePage(model, domains, m).value };
    },

    async team(viewer: DashboardViewer): Promise<PageBody> {
      const m = pageMessages(viewer.locale);
      const week = periodBuckets(clock.now(), timeZone).week.key;
      const [model, board, teamBoard] = await Promise.all([
        teamCache.get(viewer.scope, () => loadTeam(viewer.scope)),
        store.leaderboard({
          scope: viewer.scope,
          period: 'week',
          periodKey: week,
          limit: BOARD_SIZE,
          viewerId: viewer.playerId,
        }),
        store.teamLeaderboard({ scope: viewer.scope, period: 'week', periodKey: week, limit: BOARD_SIZE }),
      ]);
      const html = renderTeamPage({ model, board, teamBoard, viewer, domains }, m);
      return { title: m.teamTitle, html: html.value };
    },

    async questions(viewer: DashboardViewer, query: URLSearchParams): Promise<PageResult> {
      if (!viewer.isAdmin) return { kind: 'forbidden' };
      const m = pageMessages(viewer.locale);
      const { rows } = await scopeFigures(viewer.scope);
      const parsed = parseQuestionQuery(
        query,
        domains.map((d) => d.id),
      );
      const html = renderQuestionsPage(
        { rows: selectQuestionRows(rows, parsed), total: rows.length, query: parsed, domains },
        m,
      );
      return { title: m.questionsTitle, html: html.value };
    },

    async question(viewer: DashboardViewer, questionId: string): Promise<PageResult> {
      if (!viewer.isAdmin) return { kind: 'forbidden' };
      const question = bank.get(questionId);
      if (!question) return { kind: 'not-found' };
      const m = pageMessages(viewer.locale);
      const { rows, reports, suspended } = await scopeFigures(viewer.scope);
      const days = new LocalDays(timeZone);
      const html = renderQuestionPage(
        {
          question,
          domain: bank.domain(question.domain),
          rows: rows.filter((r) => r.id === question.id),
          reports: reports.filter((r) => r.questionId === question.id),
          suspended: suspended.has(question.id),
          csrfToken: viewer.csrfToken,
          dayOf: (ms) => days.dayOf(ms),
        },
        m,
      );
      return { title: m.questionTitle(question.id), html: html.value };
    },
  };
}
