import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');
/**
 * What src/core may import besides its own relative modules: pure libraries only, no I/O, no SDK, no
 * logger. Adding one is a decision, so it is named here with its reason.
 */
const ALLOWED_IN_CORE = new Map([
  ['lru-cache', 'bounded in-process maps'],
  ['croner', 'cron parsing and next-run/DST math'],
  ['ts-fsrs', 'spaced-repetition scheduling'],
]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Every module specifier a file names: static `import`/`export ... from`, side-effect `import '...'`,
 * dynamic `import(...)` and `require(...)`. A dynamic import whose argument is not a plain string is
 * reported as such, since nothing can say what it loads.
 */
export function importsOf(text: string): string[] {
  // Comments may quote code (`from` in prose); a URL's `//` inside a string stays, since it follows a colon.
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const specs: string[] = [];
  const patterns = [
    /\bfrom\s*(['"`])([^'"`]+)\1/g,
    /^\s*import\s*(['"`])([^'"`]+)\1/gm,
    /\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g,
    /\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) specs.push(m[2] ?? '');
  for (const m of source.matchAll(/\b(?:import|require)\s*\(\s*([^'"`\s)][^)]*)\)/g)) {
    specs.push(`<computed: ${m[1]}>`);
  }
  return specs;
}

/** Bare package name of a specifier (`@scope/name` or `name`), null for relative ones. */
function packageOf(spec: string): string | null {
  if (spec.startsWith('.')) return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/** What a core file imports that the allowlist does not permit. */
export function coreViolations(source: string): string[] {
  return importsOf(source).filter((spec) => {
    if (spec.startsWith('./') || spec.startsWith('../')) return spec.includes('/adapters/');
    const name = packageOf(spec);
    return name === null || !ALLOWED_IN_CORE.has(name);
  });
}

describe('architecture', () => {
  it('lets src/core import only its own modules and the named pure libraries', () => {
    const offenders = filesUnder(path.join(SRC, 'core')).flatMap((file) =>
      coreViolations(readFileSync(file, 'utf8')).map((spec) => `${path.relative(SRC, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each([
    ["import { Redis } from 'ioredis';", 'ioredis'],
    ["import type { App } from '@slack/bolt';", '@slack/bolt'],
    ["export { x } from 'node:fs';", 'node:fs'],
    ["import 'dotenv/config';", 'dotenv/config'],
    ["const m = await import('discord.js');", 'discord.js'],
    ['const m = await import(`pino`);', 'pino'],
    ["const m = await import(name + '.js');", "<computed: name + '.js'>"],
    ["const fs = require('fs');", 'fs'],
    ["import { x } from '../adapters/redis/redis-keys.js';", '../adapters/redis/redis-keys.js'],
  ])('catches %s', (source, spec) => {
    expect(coreViolations(source)).toEqual([spec]);
  });

  it('accepts relative modules and the allowed libraries', () => {
    const source = [
      "import { LRUCache } from 'lru-cache';",
      "import { Cron } from 'croner';",
      "import type { Round } from './model.js';",
      "const { x } = await import('./periods.js');",
    ].join('\n');
    expect(coreViolations(source)).toEqual([]);
  });

  it('keeps adapters from importing each other', () => {
    const adapters = path.join(SRC, 'adapters');
    const offenders = filesUnder(adapters).flatMap((file) => {
      const own = path.relative(adapters, file).split(path.sep)[0];
      return importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.relative(adapters, path.resolve(path.dirname(file), spec)).split(path.sep)[0])
        .filter((target) => target && !target.startsWith('..') && target !== own)
        .map((target) => `${path.relative(SRC, file)} imports adapters/${target}`);
    });
    expect(offenders).toEqual([]);
  });
});
