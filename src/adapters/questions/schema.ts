import { z } from 'zod';

/**
 * The YAML formats of `questions/`: zod schemas checked at start-up and by `npm run questions:check`.
 * Cross-record rules (duplicate ids, unknown domains or services) live in `validate-bank.ts`,
 * because they need every file at once.
 */

/**
 * A choice is written out once, in the message body (buttons carry only its letter), so it may be a
 * whole design, as on the exam. 300 characters keeps five of them and a long stem inside every
 * platform's message limits.
 */
export const MAX_CHOICE_TEXT = 300;
/** "Choose two" or "choose three". */
export const MIN_MULTI_ANSWERS = 2;
export const MAX_MULTI_ANSWERS = 3;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 5;

const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be text') })
  .trim()
  .min(1, 'must not be empty');
export const localizedSchema = z.object(
  { ja: text, en: text },
  { error: (issue) => (issue.input === undefined ? 'is missing' : 'needs both `ja` and `en` text') },
);

const factRef = z.string().regex(/^F([1-9]\d?|1[01]\d)$/, 'a seed fact is written F1 to F113');
const sourceRef = z.union([
  factRef,
  z.url({ protocol: /^https$/, error: 'a source is F<n> or an https URL' }),
]);

const choiceText = z.object(
  {
    ja: text.max(MAX_CHOICE_TEXT, `must be at most ${MAX_CHOICE_TEXT} characters`),
    en: text.max(MAX_CHOICE_TEXT, `must be at most ${MAX_CHOICE_TEXT} characters`),
  },
  { error: 'needs both `ja` and `en` text' },
);

export const choiceSchema = z.strictObject({
  key: z.enum(['A', 'B', 'C', 'D', 'E']),
  text: choiceText,
  /** Why this choice is right, or why it is wrong. */
  why: localizedSchema,
});

export const questionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens'),
    domain: z.string().min(1),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    style: z.enum(['scenario', 'concept']),
    tags: z.array(z.string().min(1)).default([]),
    /** Ids from services.yaml; the /gcp card's related questions are computed from this. */
    services: z.array(z.string().min(1)).default([]),
    sources: z.array(sourceRef).min(1, 'list at least one seed fact (F<n>) or documentation URL'),
    stem: localizedSchema,
    choices: z
      .array(choiceSchema)
      .min(MIN_CHOICES, `needs at least ${MIN_CHOICES} choices`)
      .max(MAX_CHOICES, `allows at most ${MAX_CHOICES} choices (one row of buttons)`),
    /** `B`, or `[B, D]` for a multiple-select question (the stem says "Choose two."). */
    answer: z.union([
      z.string().min(1),
      z
        .array(z.string().min(1))
        .min(
          MIN_MULTI_ANSWERS,
          `a multiple-select answer lists ${MIN_MULTI_ANSWERS} or ${MAX_MULTI_ANSWERS} keys`,
        )
        .max(
          MAX_MULTI_ANSWERS,
          `a multiple-select answer lists ${MIN_MULTI_ANSWERS} or ${MAX_MULTI_ANSWERS} keys`,
        ),
    ]),
    explanation: localizedSchema,
    /** The id of the question this one rewrites. */
    replaces: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'replaces names a question id (lower-case words joined by hyphens)')
      .optional(),
  })
  .superRefine((q, ctx) => {
    const keys = q.choices.map((c) => c.key);
    const answers = typeof q.answer === 'string' ? [q.answer] : q.answer;
    for (const answer of answers) {
      if (!(keys as string[]).includes(answer)) {
        ctx.addIssue({
          code: 'custom',
          path: ['answer'],
          message: `"${answer}" is not a choice key (${keys.join(', ')})`,
        });
      }
    }
    if (new Set(answers).size !== answers.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'lists the same key twice' });
    }
    if (answers.length >= keys.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'at least one choice must be wrong' });
    }
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['choices', i, 'key'],
          message: `choice key ${key} is used twice`,
        });
      }
    });
  });

export const questionFileSchema = z.array(questionSchema);

export const domainSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  section: z.number().int().min(1),
  name: localizedSchema,
  /** Share of the exam in percent, from the current exam guide. */
  weight: z.number().min(0).max(100),
});
export const domainFileSchema = z.array(domainSchema).min(1);

/** `preview`: offered without GA terms; `unmaintained`: still downloadable but no longer developed. */
export const serviceStatusSchema = z.enum([
  'active',
  'preview',
  'renamed',
  'unmaintained',
  'deprecated',
  'retired',
]);

export const serviceSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** Today's official name. */
    name: text,
    formerNames: z.array(text).default([]),
    /** `reading`: katakana for a name written in Latin letters; none where the name is Japanese already. */
    ja: z.strictObject({ name: text, reading: text.optional() }),
    aliases: z.array(text).default([]),
    summary: localizedSchema,
    chooseWhen: localizedSchema,
    status: serviceStatusSchema,
    /** ISO date of the rename, deprecation or retirement. */
    statusDate: z.iso.date().optional(),
    /** Id of the service that replaces a deprecated or retired one. */
    successor: z.string().optional(),
    docsUrl: z.url({ protocol: /^https$/ }),
    facts: z.array(factRef).default([]),
  })
  .superRefine((s, ctx) => {
    if ((s.status === 'deprecated' || s.status === 'retired') && !s.statusDate) {
      ctx.addIssue({ code: 'custom', path: ['statusDate'], message: `a ${s.status} service needs its date` });
    }
  });
export const serviceFileSchema = z.array(serviceSchema);

export const seedFactSchema = z.strictObject({
  id: factRef,
  status: z.enum(['accurate', 'partial', 'outdated', 'wrong', 'unverified']),
  summary: text,
});
export const seedFactFileSchema = z.array(seedFactSchema);

export type QuestionRecord = z.infer<typeof questionSchema>;

/** The right keys of a record, in bank order, whichever way the YAML wrote them. */
export function answerKeysOf(record: {
  answer: string | readonly string[];
  choices: readonly { key: string }[];
}): string[] {
  const listed = typeof record.answer === 'string' ? [record.answer] : record.answer;
  return record.choices.map((c) => c.key).filter((key) => listed.includes(key));
}
export type DomainRecord = z.infer<typeof domainSchema>;
export type ServiceRecord = z.infer<typeof serviceSchema>;
export type SeedFactRecord = z.infer<typeof seedFactSchema>;
