/**
 * The view shapes a ChatPlatform renders: what a message says, in plain text, with buttons as (label, action)
 * pairs. Presentation builds them; adapters turn them into Block Kit, embeds or terminal lines, so every
 * platform says the same thing. They sit with the ports because they are part of the platform contract.
 */

export interface ButtonView {
  label: string;
  /** An encoded `ButtonAction` (see action-id.ts). */
  action: string;
}

/** A choice as the round shows it: its letter on screen, its bank key behind it, its full text. */
export interface ChoiceView {
  letter: string;
  key: string;
  text: string;
}

export interface QuestionView {
  title: string;
  stem: string;
  /** Written out in full, once, in the message body, in the round's order. */
  choices: ChoiceView[];
  /** One button per letter; or, for a multiple-select question, one "Answer" button opening the picker. */
  buttons: ButtonView[];
  /** How many options an answer picks: 1, or 2-3 for "choose two/three". */
  picks: number;
  context: string;
  answers: string;
}

export interface Section {
  title: string;
  body: string;
}

/** A private or public text reply: a headline, lines, optional titled sections and buttons. */
export interface TextView {
  title: string;
  lines: string[];
  /** Read only: the feedback's sections and buttons are shared between clicks (feedback-parts.ts). */
  sections: readonly Section[];
  buttons: readonly ButtonView[];
  link?: { label: string; url: string };
}

export interface RevealView {
  title: string;
  stem: string;
  answer: string;
  votes: string[];
  answered: string;
  /** The display letters of the right options (buttons are marked by them). */
  rightLetters: string[];
  explanation: Section;
}
