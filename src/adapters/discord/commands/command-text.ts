import type { Locale } from '../../../core/model/model.js';

/**
 * The slash-command descriptions Discord shows in its command picker, per locale. They are registration
 * metadata (sent once by `npm run discord:register`), not replies, so they live with the command
 * definitions rather than in the core's messages. Each is at most 100 characters.
 */
export interface CommandText {
  gcp: string;
  gcpQuery: string;
  quiz: string;
  help: string;
  leaderboard: string;
  leaderboardPeriod: string;
  leaderboardTeams: string;
  me: string;
  dashboard: string;
  next: string;
  nextDomain: string;
  team: string;
  teamJoin: string;
  teamName: string;
  teamLeave: string;
  teamList: string;
  schedule: string;
  lang: string;
  langLocale: string;
  admin: string;
  post: string;
  postDomain: string;
  adminSchedule: string;
  scheduleSet: string;
  scheduleCron: string;
  scheduleTimeZone: string;
  scheduleOff: string;
  scheduleDigest: string;
  scheduleDigestState: string;
  scheduleExtras: string;
  scheduleDomain: string;
  scheduleDomainValue: string;
  allDomains: string;
  scheduleLength: string;
  scheduleLengthMinutes: string;
  on: string;
  off: string;
}

export const COMMAND_TEXT: Record<Locale, CommandText> = {
  en: {
    gcp: 'Look up a Google Cloud service: what it is for and when to choose it on the exam',
    gcpQuery: 'A service name, former name or Japanese name (e.g. dataflow, 特徴量ストア)',
    quiz: 'The daily PMLE exam question: boards, stats, practice, teams',
    help: 'How the quiz works and its commands',
    leaderboard: 'The leaderboard of this server',
    leaderboardPeriod: 'Which period (default: this week)',
    leaderboardTeams: 'Rank teams instead of players',
    me: 'Your points, streak and accuracy',
    dashboard: 'A private single-use link to your dashboard in the browser',
    next: 'A private practice question (not scored)',
    nextDomain: 'Only questions of this exam section',
    team: 'Teams',
    teamJoin: 'Join a team (it is created if it does not exist)',
    teamName: 'The team name (1-32 characters)',
    teamLeave: 'Leave your team',
    teamList: 'List the teams of this server',
    schedule: 'Show the daily question schedule of this channel',
    lang: 'Your language for the quiz',
    langLocale: 'Japanese or English',
    admin: 'Quiz settings for server managers',
    post: 'Post a question to this channel now',
    postDomain: 'Only questions of this exam section',
    adminSchedule: 'The daily question schedule of this channel',
    scheduleSet: 'Subscribe this channel, or change when it gets the question',
    scheduleCron: 'Five cron fields, e.g. 0 9 * * 1-5 for 9:00 on weekdays',
    scheduleTimeZone: 'An IANA time zone such as Asia/Tokyo (default: the current one)',
    scheduleOff: 'Stop the daily question in this channel',
    scheduleDigest: "Turn the weekly digest of last week's leaders on or off",
    scheduleDigestState: 'On or off',
    scheduleExtras: 'Trivia and off-guide statistics questions in the daily question too',
    scheduleDomain: 'Ask only questions of one exam section in this channel, or all',
    scheduleDomainValue: 'The exam section (or all)',
    allDomains: 'All sections',
    scheduleLength: 'How long each question stays open (default: until the next one)',
    scheduleLengthMinutes: 'Minutes, 5-1440; leave empty for "until the next question"',
    on: 'on',
    off: 'off',
  },
  ja: {
    gcp: 'Google Cloud サービスを調べる: 用途と試験で選ぶべき場面',
    gcpQuery: 'サービス名・旧名称・日本語名（例: dataflow、特徴量ストア）',
    quiz: 'PMLE 試験対策の毎日の問題: ランキング・成績・練習・チーム',
    help: 'クイズの遊び方とコマンド一覧',
    leaderboard: 'このサーバーのランキング',
    leaderboardPeriod: '期間（既定: 今週）',
    leaderboardTeams: 'プレイヤーではなくチームのランキング',
    me: '自分の得点・連続正解・正答率',
    dashboard: 'ブラウザーで開くダッシュボードへの一度だけ使える専用リンク',
    next: '自分だけの練習問題（得点なし）',
    nextDomain: 'この試験セクションの問題だけ',
    team: 'チーム',
    teamJoin: 'チームに参加（なければ作成）',
    teamName: 'チーム名（1〜32 文字）',
    teamLeave: 'チームを抜ける',
    teamList: 'このサーバーのチーム一覧',
    schedule: 'このチャンネルの出題スケジュールを表示',
    lang: 'クイズの表示言語',
    langLocale: '日本語または英語',
    admin: 'サーバー管理者向けのクイズ設定',
    post: 'このチャンネルに今すぐ問題を投稿',
    postDomain: 'この試験セクションの問題だけ',
    adminSchedule: 'このチャンネルの出題スケジュール',
    scheduleSet: 'このチャンネルを登録、または出題時刻を変更',
    scheduleCron: 'cron の 5 フィールド（例: 平日 9:00 は 0 9 * * 1-5）',
    scheduleTimeZone: 'Asia/Tokyo のような IANA タイムゾーン（既定: 現在の設定）',
    scheduleOff: 'このチャンネルへの毎日の出題を停止',
    scheduleDigest: '先週の上位をまとめる週間まとめのオン・オフ',
    scheduleDigestState: 'オンまたはオフ',
    scheduleExtras: '製品の歴史や試験ガイド外の統計の問題も毎日の問題に出す',
    scheduleDomain: 'このチャンネルで出題する試験セクションを 1 つに絞る、またはすべてに戻す',
    scheduleDomainValue: '試験セクション（またはすべて）',
    allDomains: 'すべてのセクション',
    scheduleLength: '各問題の回答受付時間（既定: 次の問題まで）',
    scheduleLengthMinutes: '分（5〜1440）。空欄なら次の問題まで',
    on: 'オン',
    off: 'オフ',
  },
};
