import type { MeProgress } from '../../../core/learning/dashboard/me-progress.js';
import { MIN_EFFECTIVE_ANSWERS, type Readiness } from '../../../core/learning/readiness.js';
import type { ExamDomain } from '../../../core/model/model.js';
import { html, type SafeHtml } from './html.js';
import type { PageMessages } from './page-messages.js';
import { chartWithTable, dataTable, idMaker } from './page-parts.js';
import { columnChart, rangeChart } from './svg-charts.js';

/** The Me page: readiness, activity, review forecast, mock exams, streak and exam date. */
export function renderMePage(model: MeProgress, domains: readonly ExamDomain[], m: PageMessages): SafeHtml {
  const nextId = idMaker('me');
  const facts = [
    m.streak(model.streak, model.bestStreak),
    model.examDate ? m.examDate(model.examDate.date, model.examDate.daysLeft) : m.examDateNone,
  ];
  return html`<h1>${m.meTitle}</h1>
<ul class="facts">${facts.map((f) => html`<li>${f}</li>`)}</ul>
<section><h2>${m.readinessHeading}</h2>${readinessBlock(model.readiness, domains, m, nextId())}</section>
<section><h2>${m.activityHeading}</h2>${activityBlock(model, m, nextId())}</section>
<section><h2>${m.forecastHeading}</h2>${forecastBlock(model, m, nextId())}</section>
<section><h2>${m.examsHeading}</h2>${examsBlock(model, domains, m)}</section>`;
}

/** Bars with their 95 % ranges, the table of the same figures, the overall line. Shared with the team page. */
export function readinessBlock(
  result: Readiness,
  domains: readonly ExamDomain[],
  m: PageMessages,
  id: string,
): SafeHtml {
  const nameOf = (domainId: string): string =>
    domains.find((d) => d.id === domainId)?.name[m.locale] ?? domainId;
  const rows = result.sections.map((s) => ({
    label: nameOf(s.domainId),
    range: s.interval,
    note: s.interval
      ? m.rangeNote(s.interval.estimate, s.interval.low, s.interval.high)
      : m.notEnoughData(s.answered, MIN_EFFECTIVE_ANSWERS),
  }));
  const chart = rangeChart({ id, title: m.readinessHeading, description: m.readinessChartDescription }, rows);
  const table = {
    caption: m.readinessHeading,
    head: [m.colSection, m.colEstimate, m.colRange, m.colQuestions],
    rows: result.sections.map((s) => [
      nameOf(s.domainId),
      s.interval ? m.percent(s.interval.estimate) : m.noneLabel,
      s.interval ? `${m.percent(s.interval.low)}–${m.percent(s.interval.high)}` : m.none,
      s.answered,
    ]),
  };
  const { overall } = result;
  const overallLine = overall
    ? m.readinessOverall(
        overall.estimate,
        overall.low,
        overall.high,
        Math.round((100 * overall.coveredWeight) / overall.totalWeight),
      )
    : m.readinessOverallNone(MIN_EFFECTIVE_ANSWERS);
  return html`${chartWithTable(chart, table, m)}<p>${overallLine}</p><p class="note">${m.readinessNote}</p>`;
}

function activityBlock(model: MeProgress, m: PageMessages, id: string): SafeHtml {
  const total = model.activity.reduce((s, d) => s + d.answered, 0);
  const chart = columnChart(
    { id, title: m.activityHeading, description: m.activityDescription(total, model.activity.length) },
    model.activity.map((d) => ({ label: m.dayLabel(d.day), value: d.answered })),
    7,
  );
  const table = {
    caption: m.activityHeading,
    head: [m.colDay, m.colAnswers, m.colRight],
    rows: model.activity.filter((d) => d.answered > 0).map((d) => [d.day, d.answered, d.right]),
  };
  return html`${chartWithTable(chart, table, m)}<p>${m.activityDescription(total, model.activity.length)}</p>`;
}

function forecastBlock(model: MeProgress, m: PageMessages, id: string): SafeHtml {
  const total = model.forecast.reduce((s, d) => s + d.due, 0);
  const description = m.forecastDescription(total, model.forecast.length);
  const chart = columnChart(
    { id, title: m.forecastHeading, description },
    model.forecast.map((d) => ({ label: m.dayLabel(d.day), value: d.due })),
    2,
  );
  const table = {
    caption: m.forecastHeading,
    head: [m.colDay, m.colDue],
    rows: model.forecast.map((d) => [d.day, d.due]),
  };
  return html`${model.reviewsOn ? '' : html`<p class="notice">${m.reviewsOff}</p>`}${chartWithTable(chart, table, m)}<p>${description}</p><p class="note">${m.forecastOverdueNote}</p>`;
}

function examsBlock(model: MeProgress, domains: readonly ExamDomain[], m: PageMessages): SafeHtml {
  if (model.exams.length === 0) return html`<p>${m.examsNone}</p>`;
  return dataTable(
    {
      caption: m.examsHeading,
      head: [
        m.colDate,
        m.colForm,
        m.colScore,
        ...domains.map(
          (d) =>
            html`<span aria-hidden="true">${m.sectionShort(d.section)}</span><span class="visually-hidden">${d.name[m.locale]}</span>`,
        ),
      ],
      rows: model.exams.map((e) => [
        e.day,
        m.formName(e.form, e.section),
        html`${m.score(e.right, e.total)} (${m.percent(e.total > 0 ? e.right / e.total : 0)})${e.timedOut ? html` · ${m.timedOut}` : ''}`,
        ...domains.map((d) => {
          const s = e.sections.find((x) => x.domain === d.id);
          return s && s.total > 0 ? m.score(s.right, s.total) : m.none;
        }),
      ]),
    },
    m,
  );
}
