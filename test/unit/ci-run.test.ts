import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const script = path.join(ROOT, '.ci/run');

describe('.ci/run', () => {
  it('runs npm test on the default Node, then again on Node 24, the runtime of the image', () => {
    const lines = readFileSync(script, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const defaultRun = lines.indexOf('npm test');
    const node24 = lines.findIndex((l) => /npx -y -p node@24 -c '.*npm test'/.test(l));
    expect(defaultRun).toBeGreaterThanOrEqual(0);
    expect(node24).toBeGreaterThan(defaultRun);
    const image = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(image).toMatch(/^FROM node:24-/m);
    execFileSync('bash', ['-n', script]); // parses
  });

  it('installs Chromium when missing, before the tests (the dashboard browser tests need it)', () => {
    const text = readFileSync(script, 'utf8');
    const install = text.indexOf('apt-get install -y -qq chromium');
    expect(install).toBeGreaterThan(0);
    expect(text.slice(0, install)).toContain('/usr/bin/chromium');
    expect(install).toBeLessThan(text.indexOf('\nnpm test'));
  });
});
