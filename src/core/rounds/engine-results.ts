import type {
  AnswerTotals,
  ChannelRef,
  Locale,
  Player,
  Question,
  Round,
  RoundKind,
  ScopeId,
  Tally,
} from '../model/model.js';
import type { JoinTeamResult } from '../ports/quiz-store.js';

/** What the quiz engine's use cases take and give back. */
export interface StartRoundInput {
  channel: ChannelRef;
  kind: RoundKind;
  /** Exam-domain filter. */
  domain?: string;
  /** Defaults to 24 hours for daily rounds and 1 hour for practice. */
  closesAt?: number;
  ownerId?: string;
  /** Ask this question (the /gcp "practise" button); otherwise one is picked. */
  questionId?: string;
  /** Daily rounds leave out trivia and off-blueprint questions unless the channel asks for them. */
  includeExtras?: boolean;
}

export type StartRoundResult =
  | { kind: 'started'; round: Round; question: Question }
  | { kind: 'no-questions'; domain?: string };

export interface SubmitAnswerInput {
  scope: ScopeId;
  roundId: string;
  player: Player;
  /** A bank key, or the picked bank keys of a multiple-select question in any order (`D,B`). */
  choice: string;
}

/**
 * What happened to an answer, with the player's own language when they chose one and the round's display
 * order (both read with it), so the reply names choices by the letters the player saw.
 */
export type AnswerOutcome = AnswerResult & { locale: Locale | null; choiceOrder?: readonly string[] };

type AnswerResult =
  | {
      kind: 'correct' | 'incorrect';
      question: Question;
      roundKind: RoundKind;
      choice: string;
      points: number;
      streak: number;
      totals: AnswerTotals;
      answerCount: number;
    }
  | { kind: 'duplicate'; question: Question; previousChoice: string }
  | { kind: 'closed'; question: Question }
  | { kind: 'unknown-round' };

export type CloseOutcome =
  | { kind: 'closed'; round: Round; question: Question | undefined; tally: Tally }
  | { kind: 'not-now'; reason: 'busy' | 'already-revealed' | 'unknown-round' };

export type JoinTeamOutcome = JoinTeamResult | { kind: 'invalid-name'; reason: 'empty' | 'too-long' };
