import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the review records live, one file per exam section: `<questions dir>/reviews/<domain id>.yaml`. */
export const REVIEWS_DIR = 'reviews';

/**
 * The exam sections (domain ids) rewritten with the review method of issue #22: those with a review file.
 * The rules a guesser's tricks cannot pass fail only for these sections' questions while the bank is being
 * rewritten section by section; once all six have a file, that is the whole bank.
 */
export function rewrittenSections(dir: string, domainIds: readonly string[]): string[] {
  return domainIds.filter((id) => existsSync(path.join(dir, REVIEWS_DIR, `${id}.yaml`)));
}
