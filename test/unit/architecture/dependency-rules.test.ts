import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import rules of `.dependency-cruiser.cjs`, seen failing: a small tree with one planted violation of
 * each kind is cruised with the project's own config, and each rule must name its violation. The real tree
 * passing is `npm run lint`'s job; it is checked here too so a rule that stops matching anything shows up.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const BIN = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** A planted tree: every file is tiny and exists only to make one arrow. */
const PLANTED: Record<string, string> = {
  // A value cycle inside one capability.
  'src/core/model/cycle-a.ts': "import { b } from './cycle-b.js';\nexport const a = () => b;\n",
  'src/core/model/cycle-b.ts': "import { a } from './cycle-a.js';\nexport const b = () => a;\n",
  // A cycle made of type-only imports (tsPreCompilationDeps must see it).
  'src/core/rounds/type-a.ts': "import type { B } from './type-b.js';\nexport interface A { b?: B }\n",
  'src/core/rounds/type-b.ts': "import type { A } from './type-a.js';\nexport interface B { a?: A }\n",
  // Core reaching for an adapter and for an SDK.
  'src/core/rounds/uses-adapter.ts':
    "import { store } from '../../adapters/redis/store.js';\nexport const s = store;\n",
  'src/core/rounds/uses-sdk.ts': "import { Redis } from 'ioredis';\nexport const r = Redis;\n",
  // An upward import: model may not use presentation.
  'src/core/model/uses-view.ts': "import { view } from '../presentation/view.js';\nexport const v = view;\n",
  'src/core/presentation/view.ts': 'export const view = 1;\n',
  // A core file outside the capability folders.
  'src/core/loose.ts': "import { view } from './presentation/view.js';\nexport const loose = view;\n",
  // One adapter importing another, and an adapter importing the start-up.
  'src/adapters/redis/store.ts': 'export const store = 1;\n',
  'src/adapters/slack/uses-redis.ts': "import { store } from '../redis/store.js';\nexport const x = store;\n",
  'src/adapters/discord/uses-config.ts':
    "import { config } from '../../app/config.js';\nexport const y = config;\n",
  'src/app/config.ts': 'export const config = 1;\n',
  // A module nothing imports and that imports nothing.
  'src/core/model/orphan.ts': 'export const orphan = 1;\n',
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(cwd: string): { violations: Violation[] } {
  // dependency-cruiser exits non-zero when it finds errors; the JSON report is on stdout either way.
  const run = spawnSync(process.execPath, [BIN, 'src', '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary;
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let dir: string;
  let violations: Violation[];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'deps-planted-'));
    for (const [file, text] of Object.entries(PLANTED)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    violations = cruise(dir).violations;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const caught = (rule: string, from: string): boolean =>
    violations.some((v) => v.rule.name === rule && v.from === from);

  it('catches a cycle', () => {
    expect(caught('no-circular', 'src/core/model/cycle-a.ts')).toBe(true);
  });

  it('catches a cycle of type-only imports', () => {
    expect(caught('no-circular', 'src/core/rounds/type-a.ts')).toBe(true);
  });

  it('catches core importing an adapter or an SDK', () => {
    expect(caught('core-only-core-and-pure-libraries', 'src/core/rounds/uses-adapter.ts')).toBe(true);
    expect(caught('core-only-core-and-pure-libraries', 'src/core/rounds/uses-sdk.ts')).toBe(true);
  });

  it('catches an upward import between capability folders', () => {
    expect(caught('core-model-not-upward', 'src/core/model/uses-view.ts')).toBe(true);
  });

  it('catches a core file outside the capability folders', () => {
    expect(caught('core-files-in-a-capability-folder', 'src/core/loose.ts')).toBe(true);
  });

  it('catches an adapter importing another adapter', () => {
    expect(caught('adapters-not-each-other', 'src/adapters/slack/uses-redis.ts')).toBe(true);
  });

  it('catches an adapter importing the start-up', () => {
    expect(caught('adapters-not-start-up', 'src/adapters/discord/uses-config.ts')).toBe(true);
  });

  it('catches an orphan', () => {
    expect(caught('no-orphans', 'src/core/model/orphan.ts')).toBe(true);
  });

  it('finds nothing else in the planted tree (each file makes only its own arrow)', () => {
    const names = [...new Set(violations.map((v) => `${v.rule.name} ${v.from}`))].sort();
    expect(names).toEqual([
      'adapters-not-each-other src/adapters/slack/uses-redis.ts',
      'adapters-not-start-up src/adapters/discord/uses-config.ts',
      'core-files-in-a-capability-folder src/core/loose.ts',
      'core-model-not-upward src/core/model/uses-view.ts',
      'core-only-core-and-pure-libraries src/core/rounds/uses-adapter.ts',
      'core-only-core-and-pure-libraries src/core/rounds/uses-sdk.ts',
      'no-circular src/core/model/cycle-a.ts',
      'no-circular src/core/rounds/type-a.ts',
      'no-orphans src/core/model/orphan.ts',
    ]);
  });

  it('finds no violation in the real tree', () => {
    expect(cruise(ROOT).violations).toEqual([]);
  });

  it("keeps the README's folder graph current (npm run deps:graph)", () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'src/tools/deps-graph.ts', '--check'], {
        cwd: ROOT,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
