import { REPORT_REASONS, type ReportReason } from '../ports/learning-store.js';

/** The `/quiz` subcommands of the learning features, decoded from words. */
export type LearningCommand =
  | { kind: 'review' }
  | { kind: 'review-set'; enabled: boolean }
  | { kind: 'ready'; team: boolean }
  /** `value`: the date as typed (checked against the clock when run), or `off`. */
  | { kind: 'exam-date'; value: string }
  /** Reports the last question the player answered. */
  | { kind: 'report'; reason: ReportReason; text: string }
  /** The player's last right answer was a guess (the console's "I guessed" button). */
  | { kind: 'guessed' }
  | { kind: 'reports' }
  | { kind: 'reports-dismiss'; questionId: string }
  | { kind: 'restore'; questionId: string }
  | { kind: 'question'; questionId: string };

/** Admins only: they change or reveal what the whole workspace sees. */
export const LEARNING_ADMIN_COMMANDS = new Set<string>(['reports', 'reports-dismiss', 'restore', 'question']);

type Usage = { kind: 'usage'; command: string };

/** Decodes a learning subcommand; undefined when `sub` is not one of them. */
export function parseLearningCommand(
  sub: string,
  args: readonly string[],
): LearningCommand | Usage | undefined {
  const usage = (command: string): Usage => ({ kind: 'usage', command });
  const first = args[0]?.toLowerCase();
  switch (sub) {
    case 'review':
      if (args.length === 0) return { kind: 'review' };
      if (args.length === 1 && (first === 'on' || first === 'off'))
        return { kind: 'review-set', enabled: first === 'on' };
      return usage('review');
    case 'ready':
    case 'readiness':
      if (args.length === 0) return { kind: 'ready', team: false };
      return args.length === 1 && (first === 'team' || first === 'teams')
        ? { kind: 'ready', team: true }
        : usage('ready');
    case 'exam-date':
      return args.length === 1 && args[0] ? { kind: 'exam-date', value: args[0] } : usage('exam-date');
    case 'report': {
      const reason = REPORT_REASONS.find((r) => r === first);
      return reason ? { kind: 'report', reason, text: args.slice(1).join(' ') } : usage('report');
    }
    case 'guessed':
      return args.length === 0 ? { kind: 'guessed' } : usage('guessed');
    case 'reports':
      if (args.length === 0) return { kind: 'reports' };
      return args.length === 2 && first === 'dismiss' && args[1]
        ? { kind: 'reports-dismiss', questionId: args[1] }
        : usage('reports');
    case 'restore':
      return args.length === 1 && args[0] ? { kind: 'restore', questionId: args[0] } : usage('restore');
    case 'question':
      return args.length === 1 && args[0] ? { kind: 'question', questionId: args[0] } : usage('question');
    default:
      return undefined;
  }
}
