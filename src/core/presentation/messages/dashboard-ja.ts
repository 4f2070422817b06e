import type { DashboardMessages } from './dashboard-messages.js';

export const dashboardJa: DashboardMessages = {
  linkTitle: 'あなたのダッシュボード',
  linkNote: (minutes) =>
    `${minutes} 分以内にブラウザーで開いてください。一度だけ使える、あなた専用のリンクです。共有しないでください。`,
  off: 'このボットではウェブのダッシュボードが無効です（運用者が PUBLIC_URL を設定していません）。',
  tooMany: (minutes) => `リンクの発行が続いています。${minutes} 分後にもう一度お試しください。`,
  consoleLink: (minutes) =>
    `ブラウザーで開くダッシュボード（このリンクは ${minutes} 分間・一度だけ有効。/quiz dashboard で新しいリンク）:`,
  consolePortInUse: (port) =>
    `ダッシュボードは使えません: 127.0.0.1 のポート ${port} は使用中です。空いているポートを PORT に指定して起動してください（PORT=0 で自動選択）。クイズはそのまま使えます。`,
  consoleUnavailable: (reason) => `ダッシュボードは使えません: ${reason}。クイズはそのまま使えます。`,
};
