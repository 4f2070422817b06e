import type { DashboardMessages } from './dashboard-messages.js';

export const dashboardEn: DashboardMessages = {
  linkTitle: 'Your dashboard',
  linkNote: (minutes) =>
    `Open this link in your browser within ${minutes} minutes. It works once and is for you only: do not share it.`,
  off: 'The web dashboard is off on this bot (its operator has not set PUBLIC_URL).',
  tooMany: (minutes) => `You have asked for several links in a row. Try again in ${minutes} minutes.`,
  consoleLink: (minutes) =>
    `Your dashboard in the browser (this link works once, for ${minutes} minutes; /quiz dashboard makes a new one):`,
  consolePortInUse: (port) =>
    `The dashboard is not served: port ${port} on 127.0.0.1 is in use. Start with PORT set to a free port (PORT=0 picks one). The quiz works without it.`,
  consoleUnavailable: (reason) => `The dashboard is not served: ${reason}. The quiz works without it.`,
};
