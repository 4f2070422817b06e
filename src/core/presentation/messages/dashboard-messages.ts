/** The chat side of the web dashboard (`/quiz dashboard`), per locale; `Messages.dashboard` holds them. */
export interface DashboardMessages {
  linkTitle: string;
  /** Under the link: single use, how long it lasts, keep it private. */
  linkNote(minutes: number): string;
  /** No PUBLIC_URL is configured: the dashboard is not served. */
  off: string;
  tooMany(retryInMinutes: number): string;
  /** The console: the line above the dashboard link printed at start (the link follows on its own line). */
  consoleLink(minutes: number): string;
  /** The console: PORT is taken by another program. */
  consolePortInUse(port: number): string;
  /** The console: the dashboard could not listen (`reason`, e.g. the port is in use). */
  consoleUnavailable(reason: string): string;
}
