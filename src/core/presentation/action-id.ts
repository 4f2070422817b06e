/**
 * What a button carries back to us. Slack's `action_id`/`value` and Discord's `custom_id` (at most 100
 * characters) both hold these short strings, so the decoding is shared.
 */

export type ButtonAction =
  | { kind: 'answer'; roundId: string; choice: string }
  /** "Answer" on a multiple-select question: opens the private picker. */
  | { kind: 'pick'; roundId: string }
  | { kind: 'practice'; serviceId: string }
  | { kind: 'lookup'; serviceId: string }
  /** "I guessed" after a right answer: that review counts as Hard. */
  | { kind: 'guessed'; questionId: string }
  /** "Report this question": opens the report form (a modal). */
  | { kind: 'report'; questionId: string };

const PREFIX = {
  answer: 'ans',
  pick: 'pck',
  practice: 'prc',
  lookup: 'gcp',
  guessed: 'gss',
  report: 'rpt',
} as const;

export function encodeAction(action: ButtonAction): string {
  switch (action.kind) {
    case 'answer':
      return `${PREFIX.answer}:${action.roundId}:${action.choice}`;
    case 'pick':
      return `${PREFIX.pick}:${action.roundId}`;
    case 'practice':
      return `${PREFIX.practice}:${action.serviceId}`;
    case 'lookup':
      return `${PREFIX.lookup}:${action.serviceId}`;
    case 'guessed':
      return `${PREFIX.guessed}:${action.questionId}`;
    case 'report':
      return `${PREFIX.report}:${action.questionId}`;
  }
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Returns null for anything we did not make (forged or stale payloads). */
export function decodeAction(raw: string): ButtonAction | null {
  const [prefix, first, second, ...rest] = raw.split(':');
  if (rest.length > 0 || !first || !ID.test(first)) return null;
  if (prefix === PREFIX.answer && second && /^[A-E]$/.test(second)) {
    return { kind: 'answer', roundId: first, choice: second };
  }
  if (second !== undefined) return null;
  if (prefix === PREFIX.pick) return { kind: 'pick', roundId: first };
  if (prefix === PREFIX.practice) return { kind: 'practice', serviceId: first };
  if (prefix === PREFIX.lookup) return { kind: 'lookup', serviceId: first };
  if (prefix === PREFIX.guessed) return { kind: 'guessed', questionId: first };
  if (prefix === PREFIX.report) return { kind: 'report', questionId: first };
  return null;
}
