import { periodSpan } from '../../model/periods.js';
import { dashboardJa } from './dashboard-ja.js';
import { examJa } from './exam-ja.js';
import { learningJa } from './learning-ja.js';
import type { Messages } from './messages.js';

const USAGE: Record<string, string> = {
  leaderboard: '使い方: /quiz leaderboard [week|month|all] [teams]（省略時は今週の個人ランキング）',
  team: '使い方: /quiz team join <名前> | team leave | team list（名前は 1〜32 文字）',
  lang: '使い方: /quiz lang ja|en',
  schedule:
    '使い方: /quiz schedule（表示）| /quiz schedule <cron 5 フィールド> [タイムゾーン]（例: /quiz schedule 0 9 * * 1-5 Asia/Tokyo）| /quiz schedule off | /quiz schedule digest on|off | /quiz schedule extras on|off | /quiz schedule domain <セクション>|all | /quiz schedule length <分 5〜1440>|auto',
  post: '使い方: /quiz post [セクション]（管理者: 今すぐ問題を投稿）',
  next: '使い方: /quiz next [セクション]（自分だけの練習問題。得点には数えません）',
  me: '使い方: /quiz me',
  dashboard: '使い方: /quiz dashboard（ブラウザーで開くダッシュボードへの専用リンク）',
  today: '使い方: /quiz today（今日の問題をもう一度表示。回答済みなら自分の結果と正解）',
  review: '使い方: /quiz review | /quiz review off | /quiz review on（復習問題。自分だけに表示、得点なし）',
  ready: '使い方: /quiz ready | /quiz ready team（セクション別の試験準備度）',
  report:
    '使い方: /quiz report <wrong-key|ambiguous|outdated|translation|other> [詳細]（最後に答えた問題を報告）',
  reports: '使い方: /quiz reports | /quiz reports dismiss <問題 ID>（管理者）',
  restore: '使い方: /quiz restore <問題 ID>（管理者: 出題停止した問題を戻す）',
  question: '使い方: /quiz question <問題 ID>（管理者: 問題の統計と報告）',
  guessed: '使い方: /quiz guessed（最後の正解は当てずっぽうだった）',
  'exam-date': '使い方: /quiz exam-date <YYYY-MM-DD> | /quiz exam-date off（試験日。例: 2027-03-01）',
  gcp: '使い方: /gcp <サービス名>（例: /gcp dataflow、/gcp 特徴量ストア、/gcp vertex pipelines）',
};

/** A bucket by its dates: 「11/23〜11/29」, 「2026年11月」. */
function spanJa(key: string, afterDates = ''): string {
  const span = periodSpan(key);
  if (span.kind === 'month') return `${span.year}年${span.month}月`;
  if (span.kind === 'all') return '累計';
  return `${span.from.month}/${span.from.day}〜${span.to.month}/${span.to.day}${afterDates}`;
}

export const ja: Messages = {
  locale: 'ja',
  difficulty: { easy: '易', medium: '中', hard: '難' },
  period: { week: '今週', month: '今月', all: '累計' },

  questionTitle: '今日の PMLE 問題',
  practiceTitle: '練習問題（得点には数えません）',
  questionContext: (domain, difficulty, closesAt) =>
    `${domain} · 難易度 ${difficulty} · 締め切り ${closesAt}`,
  answersSoFar: (count) => `現在 ${count} 人が回答`,
  closesAtFormat: {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  },

  correct: (points, streak) =>
    `正解です！ +${points} 点${streak > 1 ? ` · 今日の問題に ${streak} 回続けて正解` : ''}`,
  correctPractice: '正解です！（練習問題のため得点はありません）',
  incorrect: '残念、不正解です。',
  rightAnswer: (key, label) => `正解: ${key}. ${label}`,
  yourAnswer: (key, label) => `あなたの回答: ${key}. ${label}`,
  whyRight: '正解の理由',
  whyYoursWrong: 'あなたの選択肢が誤りである理由',
  totals: (week, all) => `あなたの得点: 今週 ${week} 点、累計 ${all} 点`,
  duplicate: (key, label) =>
    `この問題にはすでに回答済みです（あなたの回答: ${key}. ${label}）。最初の回答だけが有効です。`,
  closed: 'この問題は締め切られました。',
  unknownRound: 'この問題はもう利用できません。',
  unavailable: 'クイズが一時的に利用できません。数秒後にもう一度お試しください。',
  notRecorded: 'クイズが一時的に利用できないため、回答は記録されていません。数秒後にもう一度お試しください。',
  somethingWentWrong: 'ボット側で問題が発生しました。もう一度お試しください。',

  revealTitle: '正解発表',
  revealAnswer: (key, label) => `正解: ${key}. ${label}`,
  answeredCount: (count) => `${count} 人が回答しました`,
  voteLine: (key, label, count, percent) => `${key}. ${label}: ${count} 票（${percent}%）`,
  explanationTitle: '解説',

  leaderboardTitle: (period, key) => `${period === 'all' ? '累計' : spanJa(key, ' ')}のランキング`,
  teamLeaderboardTitle: (period, key) =>
    `${period === 'all' ? '累計' : spanJa(key, ' ')}のチームランキング: 得点したメンバー 1 人あたりの平均点`,
  boardEmpty: 'まだ得点がありません。今日の問題に答えてランキングに載りましょう！',
  boardRow: (rank, name, points) => `${rank}. ${name}: ${points} 点`,
  boardViewer: (rank, points) => `あなた: ${rank} 位（${points} 点）`,
  boardViewerNone: 'この期間のあなたの得点はまだありません。',
  teamRow: (rank, name, average, total, members) =>
    `${rank}. ${name}: 平均 ${average.toFixed(1)} 点 · 合計 ${total} 点 · ${members} 人`,

  statsTitle: (name) => (name ? `${name} さんの成績` : 'あなたの成績'),
  statsPoints: (period, points, rank) => `${ja.period[period]}: ${points} 点${rank ? `（${rank} 位）` : ''}`,
  statsStreak: (streak, best) => `今日の問題の連続正解: ${streak} 回（最高 ${best} 回）`,
  statsAccuracy: (correct, answered) =>
    answered === 0
      ? 'まだ今日の問題への回答がありません。'
      : `正答率: ${correct}/${answered}（${Math.round((100 * correct) / answered)}%）`,
  statsDomainTitle: '試験セクション別',
  statsDomain: (domain, correct, answered) =>
    `${domain}: ${correct}/${answered}（${Math.round((100 * correct) / Math.max(answered, 1))}%）`,
  statsTeam: (name) => (name ? `チーム: ${name}` : 'チーム: なし（/quiz team join <名前> で参加できます）'),

  teamJoined: (name, created, left) =>
    `${left ? `${left} を抜けて` : ''}${name} に参加しました${created ? '（新しいチーム）' : ''}。参加する前に獲得した得点はチームには加算されません。`,
  teamAlreadyMember: (name) => `すでに ${name} のメンバーです。`,
  teamLeft: (name) => `${name} を抜けました。`,
  teamNotInTeam: 'どのチームにも参加していません。',
  teamListTitle: 'チーム一覧',
  teamListEmpty: 'まだチームがありません。/quiz team join <名前> で作成できます。',
  teamListRow: (name, members) => `${name}: ${members} 人`,
  teamNameEmpty: 'チーム名を入力してください。',
  teamNameTooLong: (max) => `チーム名は ${max} 文字以内にしてください。`,

  gcpUsage: USAGE.gcp ?? '',
  gcpFormerNames: (names) => `旧名称: ${names.join('、')}`,
  gcpStatus: (status, date, successor) => {
    switch (status) {
      case 'active':
        return 'ステータス: 提供中';
      case 'preview':
        return 'ステータス: プレビュー（一般提供前）';
      case 'unmaintained':
        return `ステータス: 積極的な保守は終了${successor ? `。代わりに ${successor} を使います` : ''}`;
      case 'renamed':
        return `ステータス: 名称変更${date ? `（${date}）` : ''}`;
      case 'deprecated':
        return `ステータス: 非推奨${date ? `（${date}〜）` : ''}${successor ? `。代わりに ${successor} を使います` : ''}`;
      case 'retired':
        return `ステータス: 提供終了${date ? `（${date}）` : ''}${successor ? `。代わりに ${successor} を使います` : ''}`;
    }
  },
  gcpWhatFor: '用途',
  gcpChooseWhen: '試験で選ぶべき場面',
  gcpDocs: 'ドキュメント',
  gcpPractice: '関連問題を解く',
  gcpNoPractice: 'このサービスに関する練習問題はまだありません。',
  gcpNoMatch: (query) =>
    `「${query}」に一致する Google Cloud サービスはカタログにありません。現在の名前、以前の名前、略称でお試しください（例: /gcp bqml）。`,
  gcpAmbiguous: (query) => `「${query}」に一致するサービスが複数あります。どれですか？`,

  consoleAnswerHint: (count) =>
    `1〜${count}（または A〜${String.fromCharCode(64 + count)}）を入力して回答してください。/help でコマンド一覧を表示します。`,
  consoleUnknownInput: '選択肢の文字（または番号）を入力するか、/help でコマンド一覧を表示してください。',
  consoleNoQuestion:
    '回答できる問題がありません。今日の問題は /quiz today、練習問題は /quiz next で表示します。',
  consoleWelcome:
    'PMLE クイズボット: ローカルのコンソールモードです（Slack と Discord のトークンが未設定）。',
  todayOpen: '受付中: まだ回答していません。',
  todayAnswered: (correct, rightAnswer) =>
    `今日の問題には回答済みです（${correct ? '正解' : '不正解'}）。${rightAnswer}`,
  todayClosed: (rightAnswer) =>
    `今日の問題は締め切られました。${rightAnswer}。/quiz post で次の問題を出題します。`,
  todayNone: '今日の問題はまだありません。/quiz post で出題します。',
  todayStillOpen: '今日の問題はまだ回答できます。/quiz today でもう一度表示します。',
  helpTitle:
    'PMLE クイズ: Google Cloud Professional Machine Learning Engineer 試験対策の問題を毎日出題します。',
  helpAnswerButtons:
    '文字のボタンで回答してください（「2 つ選択」の問題は「回答する」を押してちょうど 2 つ選びます）。最初の回答だけが有効で、解説はあなたにだけ表示されます。',
  helpAnswerTyped:
    '選択肢の文字（または番号）を入力すると、最後に表示した問題に回答できます。「2 つ選択」の問題は B,D や BD のように 2 つ入力します。最初の回答だけが有効です。',
  helpAdminsTitle: '管理者用（ワークスペース・サーバーの管理者と QUIZ_ADMIN_USER_IDS のユーザー）',
  helpScoring:
    '得点: 今日の問題に正解で 10 点、それまでの連続正解 1 回ごとに +1 点（最大 +5 点）。練習問題と復習問題は得点になりません。',
  helpQuit: 'Ctrl-C または Ctrl-D で終了します。',
  commands: {
    gcp: { args: '<サービス名>', text: 'Google Cloud サービスを調べる（現在の名前、以前の名前、日本語名）' },
    practice: { args: '<サービス名>', text: 'そのサービスの練習問題（得点なし）' },
    today: { args: '', text: '今日の問題をもう一度表示（受付中か、自分の回答か、締め切り後は正解）' },
    leaderboard: { args: '[week|month|all] [teams]', text: 'ランキング（上位 10 人と自分の順位）' },
    me: { args: '', text: '自分の得点・連続正解・正答率' },
    next: { args: '[セクション]', text: '自分だけの練習問題（得点なし）' },
    review: {
      args: '[off|on]',
      text: '復習の時期が来た問題（FSRS、1 日 20 問まで）。off / on で復習を止める・再開する',
    },
    guessed: { args: '', text: '最後の正解は当てずっぽうだった（その問題を早めに復習に出します）' },
    'exam-schedule': {
      args: 'full|half|sprint <YYYY-MM-DD> <HH:MM> [タイムゾーン]',
      text: 'このチャンネルのチーム模擬試験デー: その時刻に開始ボタンを投稿し、3 時間以内に始めた全員が同じ問題を解き、最後に集計を投稿',
    },
    exam: {
      args: '[full|half|sprint|section <セクション>] | flag | back | next | go <番号> | answer <文字> | submit | quit | history | report [ページ] | public on|off',
      text: 'ガイドの配分どおりの時間制限つき模擬試験 (非公開): フラグ、移動、解答の変更、提出でレポート (合格点はなく、練習です)',
    },
    ready: { args: '[team]', text: 'セクション別の試験準備度（自分またはチーム）' },
    'exam-date': {
      args: '<YYYY-MM-DD>|off',
      text: '試験日: /quiz me と /quiz ready に残り日数を表示。試験前の 14 日間は復習が試験対策に',
    },
    report: {
      args: '<wrong-key|ambiguous|outdated|translation|other> [詳細]',
      text: '最後に答えた問題を報告',
    },
    team: {
      args: 'join <名前> | leave | list',
      text: 'チーム（チームの得点になるのは参加した後に獲得した得点だけです）',
    },
    lang: { args: 'ja|en', text: '表示言語' },
    dashboard: {
      args: '',
      text: 'ブラウザーで開くダッシュボードへの一度だけ使える専用リンク（進み具合・準備度、管理者は問題の統計）',
    },
    schedule: { args: '', text: 'このチャンネルの出題スケジュールと次回の投稿予定' },
    help: { args: '', text: 'このヘルプ' },
    post: { args: '[セクション]', text: '次の得点対象の問題（今の問題の正解を発表）' },
    'post-admin': { args: '[セクション]', text: 'このチャンネルに今すぐ問題を投稿' },
    'schedule-admin': {
      args: '<cron> [タイムゾーン] | off | digest on|off | extras on|off | domain <セクション>|all | length <分>|auto',
      text: 'このチャンネルの出題を登録・変更・停止',
    },
    'schedule-admin-discord': {
      args: 'set <cron> [timezone] | off | domain | length | digest | extras',
      text: 'このチャンネルの出題を登録・変更・停止',
    },
    reports: { args: '[dismiss <問題 ID>]', text: '未対応の問題報告の一覧と却下' },
    restore: { args: '<問題 ID>', text: '出題停止した問題を戻す' },
    question: { args: '<問題 ID>', text: '問題の正解・統計・報告' },
  },
  usage: (command) => USAGE[command] ?? '使い方: /quiz help でコマンド一覧を表示します。',
  unknownSubcommand: (name) =>
    `「${name}」というコマンドはありません。/quiz help でコマンド一覧を表示します。`,
  unknownSection: (section, sections) =>
    `「${section}」という試験セクションはありません。セクションは ${sections.map((s) => `${s.id}（${s.section}）`).join('、')} です。`,
  chooseSection: (sections) =>
    `試験セクションを指定してください: ${sections.map((s) => `${s.id}（${s.section}）`).join('、')}、または all。`,
  consolePlayer: 'コンソールのプレイヤー',
  adminOnly:
    'この操作はワークスペース・サーバーの管理者（または QUIZ_ADMIN_USER_IDS のユーザー）だけが行えます。何も変更していません。',
  langSet: (locale) => (locale === 'ja' ? '言語を日本語に設定しました。' : 'Language set to English.'),
  posted: 'このチャンネルに問題を投稿しました。',
  noQuestions: 'その試験セクションの問題はありません。',
  guildOnly: 'クイズはダイレクトメッセージではなく、サーバーのチャンネルで使えます。',

  scheduleTitle: 'このチャンネルの出題スケジュール',
  scheduleSettings: (cron, timeZone, domain, digest, roundMinutes) => [
    `cron: ${cron}（${timeZone}）`,
    `試験セクション: ${domain ?? 'すべて'}`,
    `回答受付: ${roundMinutes ? `${roundMinutes} 分` : '次の問題まで（最長 24 時間）'}`,
    `週間まとめ: ${digest ? 'オン' : 'オフ'}`,
  ],
  unknownDomain: (domain, known) =>
    `「${domain}」という試験セクションはありません。${known.join('、')} または all を指定してください。何も変更していません。`,
  schedulePaused: (reason) => `一時停止中: ${reason}。/quiz schedule <cron> を実行すると再開します。`,
  scheduleNextTitle: (timeZone) => `次回の投稿予定（${timeZone}）`,
  scheduleNone: (cron, timeZone) =>
    `このチャンネルはまだ出題の対象ではありません。/quiz schedule ${cron} ${timeZone}（cron とタイムゾーンは変更可）で登録できます。`,
  scheduleSaved: 'スケジュールを保存しました。',
  scheduleFirstPost: (when) => `最初の出題: ${when}`,
  scheduleOff: 'このチャンネルへの毎日の出題を停止しました。',
  scheduleNotSubscribed: 'このチャンネルは登録されていません。何も変更していません。',
  // The parser's detail is English; a Japanese sentence says what a valid schedule looks like instead.
  invalidCron: (cron) =>
    `「${cron}」はスケジュールとして正しくありません。cron の 5 つのフィールド（分 時 日 月 曜日）で指定してください（例: 平日 9:00 は 0 9 * * 1-5）。何も変更していません。`,
  invalidTimeZone: (timeZone) =>
    `「${timeZone}」はタイムゾーンではありません。Asia/Tokyo や America/New_York のような IANA 名を指定してください。何も変更していません。`,
  digestSet: (enabled) => `週間まとめを${enabled ? 'オン' : 'オフ'}にしました。`,
  scheduleExtras: (enabled) =>
    `番外問題（製品の歴史、試験ガイド外の統計）: ${enabled ? '毎日の問題にも出す' : '練習と復習のみ'}`,
  digestTitle: (weekKey) => `先週（${spanJa(weekKey)}）の上位`,
  digestPlayers: '上位プレイヤー',
  digestTeams: '上位チーム',
  digestEmpty: '先週は得点した人がいませんでした。今週も頑張りましょう！',
  answerButton: '回答する',
  pickTitle: (count) => `${count} つ選択`,
  pickLabel: (count) => `ちょうど ${count} つ選んでください（選択肢の全文は問題文にあります）。`,
  pickSubmit: '送信',
  pickCancel: 'キャンセル',
  pickExactly: (count, picked) =>
    `ちょうど ${count} つ選んでください（選んだのは ${picked} つ）。回答はまだ記録されていません。`,
  rightAnswerSet: (letters) => `正解: ${letters.join('、')}`,
  yourAnswerSet: (letters) => `あなたの回答: ${letters.join('、')}`,
  optionVerdict: (letter, verdict) =>
    verdict === 'picked-right'
      ? `✅ ${letter}: 選択した・正解の選択肢`
      : verdict === 'picked-wrong'
        ? `❌ ${letter}: 選択した・誤りの選択肢`
        : `⚠️ ${letter}: 選択しなかった・正解の選択肢`,
  wholeSetRight: (count, percent) => `組み合わせまで正解: ${count} 人（${percent}%）`,
  revealAnswerSet: (letters) => `正解: ${letters.join('、')}`,
  consolePickHint: (picks) =>
    `${picks} つ選んで文字を入力してください（例: B,D または BD。番号でも可）。/help でコマンド一覧を表示します。`,
  noName: '（名前なし）',
  installedTitle: 'PMLE Quiz をインストールしました',
  installedBody: (workspace) => [
    `${workspace} に PMLE Quiz をインストールしました。`,
    '次に、ボットをチャンネルに招待し（/invite @pmle-quiz）、そのチャンネルで /quiz schedule を実行すると毎日の問題が届きます。',
    'そのほかの使い方は /quiz help で確認できます。',
  ],
  installRefusedTitle: 'インストールは完了していません',
  installStateRefused:
    'このインストール用リンクは期限切れか、使用済みか、このアプリが発行したものではありません。何もインストールしていません。',
  installNotThisBrowser:
    'このブラウザーでインストールを開始した記録がありません（別のブラウザーやプライベートウィンドウで開始した、Cookie がブロックされている、または開始から 10 分以上たった）。何もインストールしていません。このブラウザーでもう一度インストールを開始し、同じブラウザーで完了してください。',
  installCodeRefused:
    'Slack がこのインストールのコードを受け付けませんでした（コードは一度だけ、数分以内しか使えません。このページを再読み込みしたか、時間がたってから開いた可能性があります）。何もインストールしていません。もう一度インストールを開始してください。',
  installCancelled: 'インストールはキャンセルされました。何もインストールしていません。',
  installOrgWideRefused:
    'PMLE Quiz は Enterprise Grid の組織全体にはインストールできません。ワークスペースごとにインストールしてください。何もインストールしていません。',
  installFailed:
    'Slack でインストールが完了しませんでした。何もインストールしていません。もう一度お試しください。',
  installMissingCode:
    'インストールを承認したときに Slack が付けるコードがないまま、このページが開かれました。何もインストールしていません。もう一度インストールを開始してください。',
  installTooMany:
    'このアドレスからのインストールの試行が多すぎます。何もインストールしていません。1 分ほど待ってから、もう一度お試しください。',
  installRetryLink: 'もう一度インストールする',
  schedulePausedNotInChannel: (reason) =>
    `一時停止中: ${reason}。ボットがこのチャンネルにいません。招待して（/invite @pmle-quiz）、/quiz schedule <cron> を実行すると再開します。`,
  learning: learningJa,
  dashboard: dashboardJa,
  exam: examJa,
};
