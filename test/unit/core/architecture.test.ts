import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');
const FORBIDDEN_IN_CORE = [
  /^@slack\//,
  /^discord\.js$/,
  /^@discordjs\//,
  /^ioredis$/,
  /^node-cron$/,
  /^pino/,
  /^fuse\.js$/,
  /^yaml$/,
  /^zod$/,
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1] ?? '');
}

describe('architecture', () => {
  it('keeps SDKs and libraries out of src/core', () => {
    const offenders = filesUnder(path.join(SRC, 'core')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => FORBIDDEN_IN_CORE.some((re) => re.test(spec)) || spec.includes('/adapters/'))
        .map((spec) => `${path.relative(SRC, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps adapters from importing each other', () => {
    const adapters = path.join(SRC, 'adapters');
    const offenders = filesUnder(adapters).flatMap((file) => {
      const own = path.relative(adapters, file).split(path.sep)[0];
      return importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.relative(adapters, path.resolve(path.dirname(file), spec)).split(path.sep)[0])
        .filter((target) => target && !target.startsWith('..') && target !== own)
        .map((target) => `${path.relative(SRC, file)} imports adapters/${target}`);
    });
    expect(offenders).toEqual([]);
  });
});
