import type { ExamMessages } from './exam-messages.js';

const FORMS: Record<string, string> = {
  full: '模擬試験 (フル)',
  half: '模擬試験 (ハーフ)',
  sprint: '模擬試験 (スプリント)',
  section: '模擬試験 (セクション)',
};

export const examJa: ExamMessages = {
  formName: (form, section) => `${FORMS[form] ?? form}${section ? ` ${section}` : ''}`,
  questionOf: (n, total) => `問題 ${n} / ${total}`,
  flaggedMark: '⚑ フラグ付き',
  deadline: (at, minutesLeft) => `終了 ${at} (残り ${minutesLeft} 分)`,
  currentAnswer: (letters, picks) =>
    letters ? `あなたの解答: ${letters}` : picks > 1 ? `未解答 (${picks} つ選択)` : '未解答',
  navigatorLegend: '✓ 解答済み · ⚑ フラグ · ▸ 現在',
  flagButton: 'フラグ',
  unflagButton: 'フラグ解除',
  previousButton: '前へ',
  nextButton: '次へ',
  submitButton: '提出',
  started: (form, questions, minutes, deadline) =>
    `${form}: ${questions} 問、${minutes} 分 (${deadline} まで)。提出までは解答を変更できます。正誤は最後にわかります。`,
  resumed: '中断したところから再開します。',
  consoleHint: (picks) =>
    `${picks > 1 ? `${picks} つの文字 (例: B,D)` : '文字'}を入力して解答 · /quiz exam flag|back|next|go <番号>|submit|quit`,
  confirmSubmit: (unanswered, flagged) =>
    `未解答が ${unanswered} 問、フラグ付きが ${flagged} 問あります。このまま提出するには 2 分以内にもう一度 submit してください。`,
  badPosition: (total) => `その問題はありません。1 から ${total} を指定してください。`,
  noExam: '進行中の模擬試験はありません。/quiz exam [full|half|sprint|section <セクション>] で始めます。',
  noQuestions: 'その模擬試験に使える問題が足りません。',
  timedOut: '時間切れです。締め切り時点の解答で採点しました。',
  quit: (deadline) => `試験画面を離れました。時間は ${deadline} まで進みます。/quiz exam で戻れます。`,
  reportTitle: (form, right, total, percent) => `${form}: ${total} 問中 ${right} 問正解 (${percent}%)`,
  reportTime: (used, limit) => `所要時間: ${used} / ${limit} 分`,
  reportChange: (delta, previous) =>
    `同じ形式の前回 (${previous}%) から: ${delta > 0 ? '+' : ''}${delta} ポイント`,
  reportFirst: 'この形式では初めての模擬試験です。',
  reportSection: (name, bar, right, total, percent, low, high) =>
    `${bar} ${name}: ${right}/${total} (${percent}%、95% 範囲 ${low}-${high}%)`,
  reportNote:
    'Google は合格点を公表しておらず、結果は合否のみです。これは練習であり、合否の予測ではありません。解答は /quiz review と /quiz ready に反映されます。',
  reportReviewTitle: (page, pages) => `不正解・フラグ付きの問題 (${page} / ${pages} ページ)`,
  reportNothingToReview: '不正解・フラグ付きの問題はありません。お見事!',
  reportItemTitle: (n, flagged) => `問 ${n}${flagged ? ' ⚑' : ''}`,
  reportAnswers: (yours, right) => `あなたの解答: ${yours} · 正解: ${right}`,
  reportMore: (command) => `続き: ${command}`,
  reportMoreButton: '続き',
  reportNone: '表示できる提出済みの模擬試験はありません。/quiz exam history で結果の一覧を表示します。',
  questionGone: '(この問題は試験開始後に問題集から外れました。解答はそのまま数えます。)',
  historyTitle: 'あなたの模擬試験',
  historyRow: (date, form, right, total, percent, timedOut) =>
    `${date} · ${form}: ${right}/${total} (${percent}%)${timedOut ? ' · 時間切れ' : ''}`,
  historyNone: 'まだ模擬試験の記録はありません。/quiz exam sprint (10 問、24 分) で始めましょう。',
  usage:
    '使い方: /quiz exam [full|half|sprint|section <セクション>] | /quiz exam flag|back|next|go <番号>|submit|quit|history|report [ページ]',
  mockDayTitle: (form) => `チーム模擬試験デー: ${form}`,
  mockDayPost: (questions, minutes, until) =>
    `${questions} 問、各自 ${minutes} 分。${until} までに「開始」を押してください。全員が同じ問題を同じ順で、持ち時間いっぱいまで非公開で解きます。終了後にこのチャンネルへ集計を投稿します。`,
  mockDayStartButton: '開始',
  mockDayScheduled: (form, at) =>
    `予約しました: このチャンネルで ${at} に ${form}。その時刻に「開始」ボタンつきの投稿が届きます。`,
  mockDayInPast:
    'その時刻は過ぎています。これからの日時を指定してください (例: /quiz exam schedule sprint 2026-12-10 10:00 Asia/Tokyo)。',
  mockDayNotHere:
    'コンソールではスケジューラーが動きません。チーム模擬試験は Slack か Discord で予約してください。',
  mockDayUsage:
    '使い方: /quiz exam schedule full|half|sprint <YYYY-MM-DD> <HH:MM> [タイムゾーン]  (管理者: このチャンネルのチーム模擬試験)',
  privateExamOpen:
    '進行中の個人の模擬試験があります。先に提出してから (/quiz exam submit)、もう一度「開始」を押してください。',
  mockDayClosed: 'この模擬試験デーは受け付けていません (開始前か、受付が終了しています)。',
  mockDayTaken: 'この模擬試験デーは受験済みです。結果は /quiz exam history にあります。',
  summaryTitle: (form) => `チーム模擬試験デーの結果: ${form}`,
  summaryParticipants: (count) => `参加者 ${count} 人`,
  summarySectionsTitle: 'セクション別のチーム平均 (95% 範囲)',
  summarySectionsNeedThree: (minimum) => `セクション別の平均は参加者 ${minimum} 人以上で表示します。`,
  summaryDistributionTitle: '得点分布',
  summaryTopTitle: '上位 (/quiz exam public on の参加者のみ)',
  summaryTopRow: (rank, name, percent) => `${rank}. ${name}: ${percent}%`,
  summaryNoPublic: '名前の公開に同意した参加者はいません (/quiz exam public on)。',
  summaryNote: 'Google は合格点を公表していません。練習の数字であり、合否の予測ではありません。',
  publicSet: (on) =>
    on
      ? '模擬試験デーの集計にあなたの得点を名前つきで載せます。'
      : '模擬試験デーの集計ではあなたの得点を匿名にします。',
};
