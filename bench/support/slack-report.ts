import type { ClickRunResult, Pacing } from './click-run.js';
import { perUnit } from './redis-commands.js';
import type { SlackBenchResult } from './slack-measure.js';
import { formatMs, formatSummary } from './stats.js';
import { formatTable } from './table.js';

/** The printed Slack end-to-end report: a table per pacing, the targets with pass/fail, Redis and memory. */

/**
 * The goal of issue 24: throughput at least this share of the bare app's in the same run, per connection
 * count (0.8 at one connection is the stretch goal), in both pacings.
 */
const MIN_THROUGHPUT_SHARE: ReadonlyMap<number, number> = new Map([
  [1, 0.75],
  [32, 0.8],
  [256, 0.8],
]);
const STRETCH_SHARE_AT_ONE = 0.8;
/** The private reply's p99 at this many connections at most this multiple of the bare app's. */
const REPLY_P99_VS_BARE: readonly [connections: number, multiple: number][] = [[32, 1.5]];

const PACING_TITLE: Record<Pacing, string> = {
  ack: 'ack-paced: each connection clicks again as soon as its HTTP response (the ack) is back',
  reply: 'reply-paced: each connection waits for its private reply before clicking again',
};

const mib = (n: number) => n.toFixed(0);
const verdict = (ok: boolean) => (ok ? 'pass' : 'FAIL');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

function pairs(runs: readonly ClickRunResult[], pacing: Pacing): [ClickRunResult, ClickRunResult][] {
  const out: [ClickRunResult, ClickRunResult][] = [];
  for (const ours of runs.filter((r) => r.app === 'ours' && r.pacing === pacing)) {
    const bare = runs.find(
      (r) => r.app === 'bare' && r.pacing === pacing && r.connections === ours.connections,
    );
    if (bare) out.push([ours, bare]);
  }
  return out;
}

function levelTable(runs: readonly ClickRunResult[], pacing: Pacing): string {
  const rows: string[][] = [
    [
      'conns',
      'app',
      'clicks',
      'clicks/s',
      'HTTP ack p50/p95/p99 ms',
      'private reply p50/p95/p99 ms',
      'CPU ms/click app+bench+redis',
      'other cores',
      'errors',
    ],
  ];
  for (const [ours, bare] of pairs(runs, pacing)) {
    for (const r of [ours, bare]) {
      const cpu = r.cpuMsPerClick;
      rows.push([
        String(r.connections),
        r.app,
        String(r.clicks),
        r.clicksPerSecond.toFixed(0),
        formatSummary(r.http),
        formatSummary(r.reply),
        `${cpu.app.toFixed(2)} + ${cpu.bench.toFixed(2)} + ${cpu.redis.toFixed(2)}`,
        r.otherCores.toFixed(2),
        String(r.errors),
      ]);
    }
    rows.push([
      '',
      'ours/bare',
      '',
      ratio(ours.clicksPerSecond, bare.clicksPerSecond),
      `p99 ${ratio(ours.http.p99, bare.http.p99)}`,
      `p99 ${ratio(ours.reply.p99, bare.reply.p99)}`,
      `app ${ratio(ours.cpuMsPerClick.app, bare.cpuMsPerClick.app)}`,
      '',
      '',
    ]);
  }
  return formatTable(rows);
}

function targetTable(result: SlackBenchResult): string {
  const rows: string[][] = [['target', 'pacing', 'measured', 'verdict']];
  for (const pacing of ['ack', 'reply'] as const) {
    for (const [ours, bare] of pairs(result.runs, pacing)) {
      const share = ours.clicksPerSecond / bare.clicksPerSecond;
      const goal = MIN_THROUGHPUT_SHARE.get(ours.connections);
      const stretch =
        ours.connections === 1
          ? ` (stretch ${STRETCH_SHARE_AT_ONE.toFixed(2)}x: ${verdict(share >= STRETCH_SHARE_AT_ONE)})`
          : '';
      rows.push([
        goal === undefined
          ? `throughput vs bare at ${ours.connections} conn. (no goal)`
          : `throughput >= ${goal.toFixed(2)}x bare at ${ours.connections} conn.${stretch}`,
        pacing,
        `${share.toFixed(2)}x`,
        goal === undefined ? '-' : verdict(share >= goal),
      ]);
    }
    for (const [connections, multiple] of REPLY_P99_VS_BARE) {
      const pair = pairs(result.runs, pacing).find(([ours]) => ours.connections === connections);
      if (!pair) continue;
      const [ours, bare] = pair;
      rows.push([
        `p99 private reply <= ${multiple}x bare's at ${connections} conn.`,
        pacing,
        `${(ours.reply.p99 / bare.reply.p99).toFixed(2)}x (${formatMs(ours.reply.p99)} / ${formatMs(bare.reply.p99)} ms)`,
        verdict(ours.reply.p99 <= multiple * bare.reply.p99),
      ]);
    }
    for (const [ours, bare] of pairs(result.runs, pacing)) {
      rows.push([
        `CPU per click, ours/bare (app), ${ours.connections} conn. (reported)`,
        pacing,
        ratio(ours.cpuMsPerClick.app, bare.cpuMsPerClick.app),
        '-',
      ]);
    }
  }
  const errors = result.runs.reduce((sum, r) => sum + r.errors, 0);
  const lost = result.clicksMeasured - result.answersStored;
  rows.push([
    'no errors (HTTP, missing/wrong replies, answers not stored)',
    'both',
    String(errors + Math.abs(lost)),
    verdict(errors === 0 && lost === 0),
  ]);
  return formatTable(rows);
}

export function formatSlackReport(result: SlackBenchResult): string {
  const { monitored, monitorClicks } = result;
  const errorNotes = result.runs.flatMap((r) =>
    r.errorNotes.map((n) => `    ${r.app}, ${r.pacing}-paced, ${r.connections} conn.: ${n}`),
  );
  const firstProblem = (lines: string[]) => (lines[0] ? ` (first: ${lines[0].slice(0, 200)})` : '');
  const logs = result.logProblems;
  return [
    `Slack end to end (our app: ${result.ours}; ${result.redis}; undici Pool, keep-alive, connections opened before timing -> POST /slack/events; fake Slack API in the bench process; best of ${result.trials} trial(s) per row)`,
    ...(['ack', 'reply'] as const)
      .filter((pacing) => result.runs.some((r) => r.pacing === pacing))
      .flatMap((pacing) => [PACING_TITLE[pacing], levelTable(result.runs, pacing), '']),
    ...(errorNotes.length > 0 ? ['errors:', ...errorNotes, ''] : []),
    'Targets',
    targetTable(result),
    '',
    'Redis (our app)',
    `  answers stored / clicks timed          ${result.answersStored} / ${result.clicksMeasured}`,
    `  executed per click (commandstats)      ${perUnit(result.commands, result.clicksMeasured)}`,
    `  Redis time per click (commandstats)    ${redisMicros(result.commandUsec, result.clicksMeasured)}`,
    `  client-issued per click (MONITOR, ${monitorClicks} clicks): ${perUnit(monitored.fromClients, monitorClicks)}`,
    `  run inside the script per click        ${perUnit(monitored.insideScripts, monitorClicks)}`,
    '',
    `Slack Web API: ${result.chatUpdates} chat.update calls in the whole run (answer counts, throttled per round)`,
    `RSS (MiB)  after warm-up: ours ${mib(result.rssAfterWarmUpMiB.ours)}, bare ${mib(result.rssAfterWarmUpMiB.bare)}; peak (VmHWM): ours ${mib(result.peakRssMiB.ours)}, bare ${mib(result.peakRssMiB.bare)}; at the end: ours ${mib(result.rssAtEndMiB.ours)}, bare ${mib(result.rssAtEndMiB.bare)}`,
    `Log lines at warn or above: ours ${logs.ours.length}${firstProblem(logs.ours)}, bare ${logs.bare.length}${firstProblem(logs.bare)}`,
    '',
  ].join('\n');
}

/** The answer script's time inside Redis per click: on one connection it is part of every reply's wait. */
function redisMicros(usec: ReadonlyMap<string, number>, clicks: number): string {
  if (clicks === 0) return '-';
  return `${((usec.get('evalsha') ?? 0) / clicks).toFixed(1)} µs in the answer script (EVALSHA, its commands included)`;
}
