import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  blindQuestions,
  formatBlindQuestion,
  selectQuestions,
} from '../adapters/questions/blind-question.js';
import { ContentError, loadContent } from '../adapters/questions/load-content.js';
import { endOnClosedPipe } from '../app/end-on-closed-pipe.js';

endOnClosedPipe(process.stdout);

/**
 * `npm run questions:blind -- <id|section>... [--answers] [--json] [--dir questions]`: prints questions for
 * the blind pass of a review (questions/reviews/README.md), every product and tool name masked as
 * "Product A"…, API names as "Feature A"…, with each question's current review hash. A section is a domain
 * id (`low-code-ai`) or its number (`1`). `--answers` adds the key, the whys and the names behind the
 * placeholders, for the expert pass. `--hide-ids` names each question by its review hash only (a blind
 * reader outside the review, who must not read hints in the descriptive ids). Exits 1 on an unknown id or
 * section, or a broken bank.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    answers: { type: 'boolean', default: false },
    'hide-ids': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    dir: { type: 'string', default: 'questions' },
  },
});

try {
  const content = loadContent(path.resolve(values.dir));
  const sections = content.domains.map((d) => `${d.section} ${d.id}`).join(', ');
  if (positionals.length === 0) {
    console.error(
      `usage: npm run questions:blind -- <question id | section> [--answers] [--hide-ids] [--json]\nsections: ${sections}`,
    );
    process.exitCode = 1;
  } else {
    const { questions, unknown } = selectQuestions(content, positionals);
    if (unknown.length > 0) {
      console.error(`no question or section "${unknown.join('", "')}" (sections: ${sections})`);
      process.exitCode = 1;
    } else {
      const hideId = values['hide-ids'];
      const views = blindQuestions(content, questions, { answers: values.answers });
      const shown = hideId ? views.map(({ id: _id, ...rest }) => rest) : views;
      if (values.json) console.log(JSON.stringify(shown, null, 2));
      else console.log(views.map((v) => formatBlindQuestion(v, { hideId })).join('\n\n'));
    }
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
