import type { Question, Round } from '../model/model.js';
import { displayedChoices, picksRequired } from '../rounds/choices.js';
import type { Messages } from './messages/index.js';

/** The private picker of a multiple-select question: the options by letter, exactly `picks` of them. */
export interface PickerView {
  title: string;
  label: string;
  submit: string;
  cancel: string;
  roundId: string;
  picks: number;
  /** `label` is the letter and the text; platforms shorten it to their option limits. */
  options: { key: string; letter: string; label: string }[];
}

/** The private picker a click on "Answer" opens for a multiple-select question. */
export function pickerView(round: Round, question: Question, m: Messages): PickerView {
  const picks = picksRequired(question);
  return {
    title: m.pickTitle(picks),
    label: m.pickLabel(picks),
    submit: m.pickSubmit,
    cancel: m.pickCancel,
    roundId: round.id,
    picks,
    options: displayedChoices(question, round).map((d) => ({
      key: d.choice.key,
      letter: d.letter,
      label: `${d.letter}. ${d.choice.text[m.locale]}`,
    })),
  };
}
