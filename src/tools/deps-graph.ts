import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ICruiseResult } from 'dependency-cruiser';

/**
 * `npm run deps:graph`: the folder-level import graph of src/ (each core capability, each adapter, the
 * start-up, the tools) as a Mermaid flowchart, written into the README's architecture section between the
 * markers below. Mermaid renders on GitHub and needs no Graphviz. `--check` only compares and fails when
 * the README is stale; `--print` writes the chart to stdout.
 */

const README = 'README.md';
const START = '<!-- deps-graph:start -->';
const END = '<!-- deps-graph:end -->';
/** One node per capability folder of core, per adapter, the start-up and the tools; main.ts on its own. */
const FOLDERS = '^src/(core/[^/]+|adapters/[^/]+|app|tools)/|^src/main\\.ts$';

/** The collapsed graph from dependency-cruiser's own CLI (its swc parser does not load under tsx's hooks). */
export function folderGraph(): string {
  // The package exports no bin path; node_modules/.bin is where npm links it.
  const bin = 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs';
  const json = execFileSync(
    process.execPath,
    [
      bin,
      'src',
      '--config',
      '.dependency-cruiser.cjs',
      '--include-only',
      '^src/',
      '--collapse',
      FOLDERS,
      '--output-type',
      'json',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(json) as ICruiseResult;
  const name = (source: string): string => source.replace(/^src\//, '').replace(/\/$/, '');
  const id = (source: string): string => name(source).replace(/[^a-z0-9]+/gi, '_');
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const module of result.modules) {
    nodes.add(module.source);
    for (const dep of module.dependencies) {
      if (dep.resolved === module.source || !dep.resolved.startsWith('src/')) continue;
      edges.add(`  ${id(module.source)} --> ${id(dep.resolved)}`);
    }
  }
  const lines = [...nodes].sort().map((n) => `  ${id(n)}["${name(n)}"]`);
  return ['```mermaid', 'flowchart LR', ...lines, ...[...edges].sort(), '```'].join('\n');
}

export function withGraph(readme: string, graph: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${README} has no ${START} ... ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${graph}\n${readme.slice(end)}`;
}

function main(): void {
  const graph = folderGraph();
  if (process.argv.includes('--print')) {
    process.stdout.write(`${graph}\n`);
    return;
  }
  const readme = readFileSync(README, 'utf8');
  const updated = withGraph(readme, graph);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      process.stderr.write(`${README}: the dependency graph is stale; run npm run deps:graph\n`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(README, updated);
}

if (process.argv[1]?.endsWith('deps-graph.ts')) main();
