import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readmeParts, withReadmeParts } from './readme-parts.js';

/**
 * `npm run readme:example`: writes README.md's generated parts (readme-parts.ts): the question example,
 * rendered from the current bank as console mode shows it, and the rules `questions:check` enforces.
 * Run it after editing the example question or a rule's threshold; a test fails until then.
 */
const root = path.resolve(import.meta.dirname, '../..');
const file = path.join(root, 'README.md');
const before = readFileSync(file, 'utf8');
const after = withReadmeParts(before, await readmeParts(path.join(root, 'questions')));
if (after === before) console.log('README.md is up to date.');
else {
  writeFileSync(file, after);
  console.log('README.md: question example and bank rules rewritten.');
}
