import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The top self-time functions of V8 `.cpuprofile` files (from `node --cpu-prof`), grouped by function
 * and file, so a profile can be read in a terminal and pasted into docs/performance.md.
 * `npx tsx bench/support/cpu-profile.ts <file.cpuprofile>... [--top 25] [--inclusive]`
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, shortened: `bolt/dist/App.js`, `src/core/periods.ts`, `node:internal/...`. */
function where(url: string): string {
  if (!url) return '(native)';
  const clean = url.replace(/^file:\/\//, '');
  const modules = clean.lastIndexOf('node_modules/');
  if (modules >= 0) return clean.slice(modules + 'node_modules/'.length);
  const root = path.resolve(import.meta.dirname, '../..');
  return clean.startsWith(root) ? path.relative(root, clean) : clean;
}

function keyOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'}  ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
}

/**
 * Self time by function, or with `inclusive` the time of every sample a function was on the stack of
 * (each function counted once per sample, so recursion does not inflate it).
 */
export function summarizeProfiles(files: readonly string[], top = 25, inclusive = false): string {
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      const delta = profile.timeDeltas[i] ?? 0;
      if (!node) return;
      totalUs += delta;
      const keys = new Set<string>([keyOf(node)]);
      for (let up = parent.get(id); inclusive && up !== undefined; up = parent.get(up)) {
        const ancestor = byId.get(up);
        if (ancestor && keyOf(ancestor) !== '(root)  (native)') keys.add(keyOf(ancestor));
      }
      for (const key of keys) selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
    });
  }
  const idle = selfUs.get('(idle)  (native)') ?? 0;
  const busy = totalUs - idle;
  const rows = [...selfUs]
    .filter(([key]) => !key.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([key, us]) =>
        `  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`,
    );
  return [
    `CPU profile: ${(busy / 1000).toFixed(0)} ms busy of ${(totalUs / 1000).toFixed(0)} ms sampled; top ${inclusive ? 'inclusive' : 'self'} time:`,
    ...rows,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  const files = args.filter((a, i) => a.endsWith('.cpuprofile') && (topIndex < 0 || i !== topIndex + 1));
  console.log(summarizeProfiles(files, top, args.includes('--inclusive')));
}
