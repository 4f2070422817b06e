import type { Locale } from '../../../core/model/model.js';

/** The words of the dashboard's frame and sign-in pages (the page bodies have their own, page-messages.ts). */
export interface WebMessages {
  siteName: string;
  navLabel: string;
  navMe: string;
  navTeam: string;
  navQuestions: string;
  signOut: string;
  languageLabel: string;
  /** The language switch's button: the other language, in that language. */
  switchTo: string;
  skipToContent: string;
  loginTitle: string;
  loginText: string;
  loginButton: string;
  linkInvalidTitle: string;
  linkInvalidText: string;
  signedOutTitle: string;
  signedOutText: string;
  signInTitle: string;
  signInText: string;
  forbiddenTitle: string;
  forbiddenText: string;
  notFoundTitle: string;
  notFoundText: string;
  csrfTitle: string;
  csrfText: string;
  tooManyTitle: string;
  tooManyText: string;
  unavailableTitle: string;
  unavailableText: string;
}

const en: WebMessages = {
  siteName: 'PMLE quiz dashboard',
  navLabel: 'Dashboard pages',
  navMe: 'Me',
  navTeam: 'Team',
  navQuestions: 'Questions',
  signOut: 'Sign out',
  languageLabel: 'Language',
  switchTo: '日本語',
  skipToContent: 'Skip to the content',
  loginTitle: 'Open your dashboard',
  loginText:
    'This link signs you in once. Press the button to open your dashboard in this browser; the link then stops working.',
  loginButton: 'Open my dashboard',
  linkInvalidTitle: 'This link does not work',
  linkInvalidText:
    'It was already used, it is older than 10 minutes, or it was changed. Type /quiz dashboard in chat for a new one.',
  signedOutTitle: 'Signed out',
  signedOutText: 'You are signed out. Type /quiz dashboard in chat to sign in again.',
  signInTitle: 'Sign in from chat',
  signInText: 'Type /quiz dashboard in chat: the bot sends you a private link that signs you in.',
  forbiddenTitle: 'Admins only',
  forbiddenText: 'This page is for the admins of your workspace or server.',
  notFoundTitle: 'Not found',
  notFoundText: 'There is no such page or question here.',
  csrfTitle: 'The form has expired',
  csrfText: 'Nothing was changed. Go back, reload the page and try again.',
  tooManyTitle: 'Too many requests',
  tooManyText: 'Wait a minute and try again.',
  unavailableTitle: 'Try again',
  unavailableText: 'The bot cannot reach its data store right now. Nothing was changed; try again shortly.',
};

const ja: WebMessages = {
  siteName: 'PMLE クイズ ダッシュボード',
  navLabel: 'ダッシュボードのページ',
  navMe: '自分',
  navTeam: 'チーム',
  navQuestions: '問題',
  signOut: 'サインアウト',
  languageLabel: '言語',
  switchTo: 'English',
  skipToContent: '本文へ移動',
  loginTitle: 'ダッシュボードを開く',
  loginText:
    'このリンクで一度だけサインインできます。ボタンを押すとこのブラウザーでダッシュボードが開き、リンクは使えなくなります。',
  loginButton: 'ダッシュボードを開く',
  linkInvalidTitle: 'このリンクは使えません',
  linkInvalidText:
    '使用済みか、発行から 10 分を過ぎたか、書き換えられています。チャットで /quiz dashboard と入力して新しいリンクを受け取ってください。',
  signedOutTitle: 'サインアウトしました',
  signedOutText:
    'サインアウトしました。もう一度サインインするには、チャットで /quiz dashboard と入力してください。',
  signInTitle: 'チャットからサインイン',
  signInText: 'チャットで /quiz dashboard と入力すると、サインイン用の専用リンクが届きます。',
  forbiddenTitle: '管理者専用',
  forbiddenText: 'このページはワークスペースまたはサーバーの管理者専用です。',
  notFoundTitle: '見つかりません',
  notFoundText: 'そのページや問題はありません。',
  csrfTitle: 'フォームの有効期限が切れました',
  csrfText: '何も変更していません。ページを読み込み直して、もう一度お試しください。',
  tooManyTitle: 'リクエストが多すぎます',
  tooManyText: '1 分ほど待ってから、もう一度お試しください。',
  unavailableTitle: 'もう一度お試しください',
  unavailableText: 'データストアに接続できません。何も変更していません。しばらくしてからお試しください。',
};

export function webMessagesFor(locale: Locale): WebMessages {
  return locale === 'ja' ? ja : en;
}
