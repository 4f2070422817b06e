import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('tells an operator how to upgrade: register Discord commands again, open rounds carry on', () => {
    const section = readme.slice(
      readme.indexOf('## Upgrading'),
      readme.indexOf('\n## ', readme.indexOf('## Upgrading') + 3),
    );
    expect(section).toContain('npm run discord:register');
    expect(section).toMatch(/Open rounds carry on/);
  });

  it('documents the question format: 300-character choices, answer lists, replaces', () => {
    expect(readme).toContain('at most 300 characters');
    expect(readme).toContain('[A, C]');
    expect(readme).toContain('replaces:');
  });
});
