/**
 * The page addresses the pages link to; the web side serves them (its routes match these). The triage
 * forms' targets are `TRIAGE_PATHS` in `dashboard-pages.ts`.
 */
export const QUESTIONS_PAGE_PATH = '/dash/questions';

export function questionPagePath(questionId: string): string {
  return `${QUESTIONS_PAGE_PATH}/${encodeURIComponent(questionId)}`;
}
