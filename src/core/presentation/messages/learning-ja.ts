import type { LearningMessages } from './learning-messages.js';

export const learningJa: LearningMessages = {
  reviewTitle: '復習問題（得点には数えません）',
  reviewRemaining: (count) =>
    count === 0 ? '今出せる復習はこれで最後です。' : `この後あと ${count} 問の復習があります。`,
  reviewNothingYet: 'まだ復習する問題がありません。まず問題に答えてみましょう（/quiz next で出題します）。',
  reviewNoneDue: (next) =>
    next ? `今は復習する問題がありません。次の復習は ${next} です。` : '今は復習する問題がありません。',
  reviewLimit: (limit) => `今日はもう ${limit} 問復習しました（1 日の上限）。続きはまた明日！`,
  reviewOff: '復習はオフになっています。/quiz review on で再開できます。',
  reviewSet: (enabled) =>
    enabled
      ? '復習をオンにしました。/quiz review で、もう一度解くべき問題が出題されます。'
      : '復習をオフにしました。/quiz review on で再開するまで復習は出題されません（回答の記録は続きます）。',
  reviewHint: 'この問題は復習でまた出題されます（早くても明日以降）。',
  statsReviews: (due) =>
    due === null ? '復習: オフ（/quiz review on）' : `復習待ち: ${due} 問（/quiz review）`,
  guessedButton: '当てずっぽうでした',
  guessedNoted: '記録しました。当てずっぽうの正解は弱い正解として扱い、早めに復習に出します。',
  guessedNone: '当てずっぽうとして記録できる正解がありません。',

  readyTitle: (name) => (name ? `${name} さんの試験準備度` : 'あなたの試験準備度'),
  readyTeamTitle: (team) => `チーム ${team} の試験準備度`,
  readySection: (name, bar, percent, low, high, count) =>
    `${bar} ${name}: ${percent}%（95% 範囲 ${low}〜${high}%、${count} 問）`,
  readyNotEnough: (name, count, minimum) => `▱▱▱▱▱ ${name}: データ不足（${count} 問 / 最低 ${minimum} 問）`,
  readyOverall: (percent, low, high, covered, total) =>
    `総合（試験ガイドの配分で加重）: ${percent}%（${low}〜${high}%）。${covered < total ? `回答が十分なセクションだけから推定しています（試験全体の ${covered}% にあたります）。` : ''}`,
  readyOverallNone: (minimum) =>
    `総合: まだデータが足りません。1 つのセクションで ${minimum} 問以上答えてください。`,
  readyWeakest: (name, domainId) => `いちばん弱いセクション: ${name}。練習: /quiz next ${domainId}`,
  readyNote: '各問題は最新の回答で 1 回だけ数え、最近の回答ほど重く評価します。',
  examDateSet: (date, daysLeft, crunchDays) =>
    `試験日を ${date} に設定しました（${daysLeft === 0 ? '今日' : `あと ${daysLeft} 日`}）。試験前の ${crunchDays} 日間は、/quiz review が問題を早めに出し直し、1 日の復習の半分以上を最も弱いセクションから出題します。`,
  examDateCleared: (had) => (had ? '試験日の設定を解除しました。' : '試験日は設定されていません。'),
  examDateMalformed: (text) =>
    `「${text}」は日付として読めません。YYYY-MM-DD の形で指定してください（例: /quiz exam-date 2027-03-01）。解除は /quiz exam-date off です。`,
  examDateNoSuchDay: (text) => `${text} という日はカレンダーにありません。月と日を確かめてください。`,
  examDatePast: (date, today) =>
    `${date} はもう過ぎています（今日は ${today}）。これから受ける試験の日付を指定してください。`,
  examDateTooFar: (date, latest, years) =>
    `${date} は ${years} 年より先です（指定できるのは ${latest} まで）。年を確かめてください。`,
  examCountdown: (date, daysLeft, crunch) => {
    if (daysLeft < 0)
      return `試験日 ${date} は過ぎました。次の試験日は /quiz exam-date <YYYY-MM-DD> で、解除は /quiz exam-date off で。`;
    const focus = crunch ? '・復習は試験対策モード' : '';
    return daysLeft === 0
      ? `試験日: 今日（${date}）。がんばってください！`
      : `試験日: ${date}（あと ${daysLeft} 日${focus}）`;
  },
  readyNoTeam: 'チームに入っていません。/quiz team join <名前> で参加できます。',

  reportButton: '問題を報告',
  reportModalTitle: '問題を報告',
  reportReasonLabel: '何が問題ですか？',
  reportTextLabel: '詳細（任意）',
  reportSubmit: '送信',
  reportCancel: 'キャンセル',
  reportReasons: {
    'wrong-key': '正解が間違っている',
    ambiguous: 'あいまい（複数の答えが当てはまる）',
    outdated: '情報が古い（サービスや機能が変わった）',
    translation: '翻訳の問題',
    other: 'その他',
  },
  reportThanks: (questionId) =>
    `ありがとうございます！ ${questionId} への報告を受け付けました。管理者が確認します。`,
  reportDuplicate: 'この問題はすでに報告済みです。ありがとうございます！',
  reportNoQuestion:
    'まず問題に答えてください。/quiz report <wrong-key|ambiguous|outdated|translation|other> [詳細] は最後に答えた問題を報告します。',
  reportUnknownQuestion: (questionId) => `「${questionId}」という問題はありません。`,
  reportsTitle: '未対応の問題報告',
  reportsEmpty: '未対応の報告はありません。',
  reportsRow: (questionId, count, reasons, suspended) =>
    `${questionId}: ${count} 件（${reasons}）${suspended ? ' · 出題停止中' : ''}`,
  reportsSuspended: (ids) =>
    `このワークスペースで出題停止中: ${ids.join(', ')}。/quiz restore <id> で戻せます。`,
  reportsDismissed: (questionId, count) => `${questionId} への報告 ${count} 件を却下しました。`,
  reportsNothingToDismiss: (questionId) =>
    `${questionId} への未対応の報告はありません。何も変更していません。`,
  restored: (questionId) => `${questionId} を出題対象に戻し、報告を閉じました。`,
  notSuspended: (questionId) => `${questionId} は出題停止されていません。何も変更していません。`,

  itemTitle: (questionId, version) => `問題 ${questionId}（版 ${version}）`,
  itemWeakDistractors: (keys) =>
    `初回解答の 5 % 未満しか選ばれていない誤答選択肢（機能していないので書き直し候補）: ${keys}`,
  itemKey: (key) => `正解: ${key}`,
  itemFigures: (answered, p, discrimination) =>
    `ここでの初回回答: ${answered} 人 · 正答率 p ${p === null ? '-' : p.toFixed(2)} · 識別力 ${discrimination === null ? '-' : discrimination.toFixed(2)}`,
  itemOptions: (counts) => `選ばれた回数: ${counts}`,
  itemSuspended: 'このワークスペースでは出題停止中です（/quiz restore <id> で戻せます）。',
  itemReportsTitle: '未対応の報告',
  itemNoReports: '未対応の報告はありません。',
};
