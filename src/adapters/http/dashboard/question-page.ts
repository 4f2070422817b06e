import type { QuestionFigureRow } from '../../../core/learning/dashboard/question-figures.js';
import { type ExamDomain, LOCALES, type Question } from '../../../core/model/model.js';
import type { QuestionReport } from '../../../core/ports/learning-store.js';
import { TRIAGE_PATHS } from './dashboard-pages.js';
import { html, type SafeHtml } from './html.js';
import { QUESTIONS_PAGE_PATH } from './page-links.js';
import type { PageMessages } from './page-messages.js';
import { dataTable } from './page-parts.js';
import { figure, flagList, picks } from './questions-page.js';

export interface QuestionPageInput {
  question: Question;
  domain: ExamDomain | undefined;
  /** This question's versions in the scope, current first. */
  rows: readonly QuestionFigureRow[];
  reports: readonly QuestionReport[];
  suspended: boolean;
  csrfToken: string;
  /** `YYYY-MM-DD` of an instant in the bot's time zone. */
  dayOf: (epochMs: number) => string;
}

/** One question in both languages, its figures per version, its open reports, and the triage forms. */
export function renderQuestionPage(input: QuestionPageInput, m: PageMessages): SafeHtml {
  const { question } = input;
  return html`<p><a href="${QUESTIONS_PAGE_PATH}">${m.backToQuestions}</a></p>
<h1>${m.questionTitle(question.id)}</h1>
<p class="${input.suspended ? 'notice state-suspended' : 'note'}">${input.suspended ? m.suspendedState : m.activeState}</p>
${input.domain ? html`<p>${m.sectionShort(input.domain.section)} ${input.domain.name[m.locale]}</p>` : ''}
${LOCALES.map((locale) => languageSection(question, locale, m))}
<section><h2>${m.figuresHeading}</h2>${figures(input, m)}</section>
<section><h2>${m.reportsHeading}</h2>${reports(input, m)}</section>
<section><h2>${m.triageHeading}</h2>${triage(input, m)}</section>`;
}

function languageSection(question: Question, locale: (typeof LOCALES)[number], m: PageMessages): SafeHtml {
  const choices = question.choices.map((c) => {
    const right = question.answer.includes(c.key);
    return html`<li${right ? html` class="right-answer"` : ''}><span class="choice-key">${c.key}.</span> ${c.text[locale]}${right ? html` <strong>(${m.rightAnswer})</strong>` : ''}</li>`;
  });
  return html`<section lang="${locale}"><h2>${m.languageHeading[locale]}</h2><p class="stem">${question.stem[locale]}</p><ul class="choices">${choices}</ul><h3>${m.explanationHeading}</h3><p class="stem">${question.explanation[locale]}</p></section>`;
}

function figures(input: QuestionPageInput, m: PageMessages): SafeHtml {
  return dataTable(
    {
      caption: m.figuresHeading,
      head: [m.colVersion, m.colAnswers, m.colP, m.colDiscrimination, m.colPicks, m.colFlags],
      rows: input.rows.map((r) => [
        html`<code>${r.version}</code> ${r.current ? m.currentVersion : m.olderVersion}`,
        r.answered,
        figure(r.p),
        figure(r.discrimination),
        picks(r.options),
        flagList(r, m),
      ]),
    },
    m,
  );
}

function reports(input: QuestionPageInput, m: PageMessages): SafeHtml {
  if (input.reports.length === 0) return html`<p>${m.reportsNone}</p>`;
  return html`<ul class="reports">${input.reports.map(
    (r) =>
      html`<li><strong>${m.reportReason(r.reason)}</strong>${r.text ? html`: <span class="report-text">${r.text}</span>` : ''} <span class="note">(${m.reportedOn(input.dayOf(r.at))})</span></li>`,
  )}</ul>`;
}

function triage(input: QuestionPageInput, m: PageMessages): SafeHtml {
  const id = input.question.id;
  const form = (action: string, label: string, help: string) =>
    html`<form class="triage" method="post" action="${action}"><input type="hidden" name="_csrf" value="${input.csrfToken}"><button type="submit">${label}</button><p class="note">${help}</p></form>`;
  const parts: SafeHtml[] = [];
  if (input.reports.length > 0)
    parts.push(form(TRIAGE_PATHS.dismiss(id), m.dismissButton(input.reports.length), m.dismissHelp));
  if (input.suspended) parts.push(form(TRIAGE_PATHS.restore(id), m.restoreButton, m.restoreHelp));
  return parts.length > 0 ? html`${parts}` : html`<p>${m.reportsNone}</p>`;
}
