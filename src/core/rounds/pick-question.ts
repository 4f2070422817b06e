import type { ChannelRef, Question, RoundKind } from '../model/model.js';
import { isExtra } from '../model/question-tags.js';
import { pickOne, type Random } from '../model/random.js';
import type { QuestionBank } from '../ports/question-bank.js';
import type { QuizStore } from '../ports/quiz-store.js';

export interface PickQuestionInput {
  channel: ChannelRef;
  kind: RoundKind;
  domain?: string;
  ownerId?: string;
  /** Ask this question (the /gcp "practise" button, a review card) unless it is suspended. */
  questionId?: string;
  includeExtras?: boolean;
}

export interface PickedQuestion {
  question: Question;
  /** Where the question is marked asked: the channel, or the player's own practice rotation. */
  rotation: ChannelRef;
  /** Every candidate had been asked: the rotation starts over with this question. */
  newCycle: boolean;
}

/**
 * The question of a new round: one not yet asked in the channel (practice: not yet dealt to the player),
 * leaving out questions suspended in the scope by players' reports and, in daily rounds, extras the
 * channel did not ask for. When every candidate has been asked a new cycle starts. Null: no candidate.
 */
export async function pickQuestion(
  deps: { store: QuizStore; bank: QuestionBank; random: Random },
  input: PickQuestionInput,
): Promise<PickedQuestion | null> {
  const { store, bank } = deps;
  // Questions reported by enough players of this scope stay out of its new rounds until restored.
  const suspended = new Set(await store.suspendedQuestions(input.channel.scope));
  const rotation = input.kind === 'daily' ? input.channel : practiceRotation(input.channel, input.ownerId);
  const asked = input.questionId && !suspended.has(input.questionId) ? bank.get(input.questionId) : undefined;
  if (asked) return { question: asked, rotation, newCycle: false };

  const leaveOutExtras = input.kind === 'daily' && !input.includeExtras;
  const candidates = bank
    .all()
    .filter(
      (q) =>
        (!input.domain || q.domain === input.domain) &&
        !(leaveOutExtras && isExtra(q)) &&
        !suspended.has(q.id),
    );
  const seen = new Set(await store.askedQuestions(rotation));
  const fresh = candidates.filter((q) => !seen.has(q.id));
  const newCycle = fresh.length === 0;
  const question = pickOne(newCycle ? candidates : fresh, deps.random);
  return question ? { question, rotation, newCycle } : null;
}

/** Practice questions rotate per player, so `/quiz next` does not repeat until they have seen them all. */
function practiceRotation(channel: ChannelRef, ownerId: string | undefined): ChannelRef {
  return { scope: channel.scope, channelId: `practice:${ownerId ?? channel.channelId}` };
}
