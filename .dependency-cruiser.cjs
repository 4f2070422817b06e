/**
 * Import rules of pmle-quiz-bot, checked by `npm run lint` (dependency-cruiser). The shape they protect is
 * ports and adapters: src/core knows no SDK, adapters translate, src/app wires them together.
 * Type-only imports count (tsPreCompilationDeps), so a cycle or an upward arrow cannot hide behind `import type`.
 */

/**
 * What src/core may import besides its own modules: pure libraries only, no I/O, no SDK, no logger. Adding one
 * is a decision, so it is named here with its reason.
 */
const CORE_LIBRARIES = {
  'lru-cache': 'bounded in-process maps',
  croner: 'cron parsing and next-run/DST math',
  'ts-fsrs': 'spaced-repetition scheduling',
};

/**
 * The capability folders of src/core, from the top down. A folder may import the folders below it and never
 * one above it: that is the definition of "upward" these rules forbid. Commands parse and answer what users
 * type; the schedule posts rounds and digests; presentation turns results into views and messages; rounds run
 * a question in a channel; exam is the private mock exam (draw, take, score), built on rounds' helpers; learning holds review, readiness and item statistics; ports are the contracts
 * adapters implement; model is the domain's types and clock-free helpers; runtime is in-process plumbing
 * (in-flight work, dedupe) that adapters share through core.
 */
const CORE_LAYERS = [
  'commands',
  'schedule',
  'presentation',
  'exam',
  'rounds',
  'learning',
  'ports',
  'model',
  'runtime',
];

const upwardRules = CORE_LAYERS.slice(1).map((layer, i) => ({
  name: `core-${layer}-not-upward`,
  comment: `core/${layer} may not import ${CORE_LAYERS.slice(0, i + 1).join(', ')} (folders above it)`,
  severity: 'error',
  from: { path: `^src/core/${layer}/` },
  to: { path: `^src/core/(${CORE_LAYERS.slice(0, i + 1).join('|')})/` },
}));

const libraries = Object.keys(CORE_LIBRARIES).join('|');

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import cycle, type-only ones included: a cycle means two files are one unit or a type is misplaced.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-only-core-and-pure-libraries',
      comment: `src/core imports its own modules and these libraries only: ${Object.entries(CORE_LIBRARIES)
        .map(([name, why]) => `${name} (${why})`)
        .join('; ')}`,
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: [`^src/core/`, `node_modules/(${libraries})/`] },
    },
    {
      name: 'core-files-in-a-capability-folder',
      comment: `every src/core file lives in one of the capability folders (${CORE_LAYERS.join(', ')})`,
      severity: 'error',
      from: { path: '^src/core/', pathNot: `^src/core/(${CORE_LAYERS.join('|')})/` },
      to: {},
    },
    ...upwardRules,
    {
      name: 'adapters-not-each-other',
      comment:
        'An adapter talks to another only through core ports; src/app is the one place that wires them.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/$1/' },
    },
    {
      name: 'adapters-not-start-up',
      comment:
        'Adapters never import the start-up (src/app, src/main.ts): an adapter that needs settings gets its own options type.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(app/|main\\.ts$)' },
    },
    {
      name: 'no-orphans',
      comment:
        'A module nothing imports and that imports nothing is dead code (entry points and tools are exempt).',
      severity: 'error',
      from: { orphan: true, pathNot: ['^src/main\\.ts$', '^src/tools/', '\\.d\\.ts$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    // TypeScript 7 has no compiler API for tools, so swc parses.
    parser: 'swc',
    enhancedResolveOptions: {
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: {
      archi: { collapsePattern: '^src/(core/[^/]+|adapters/[^/]+|app|tools)/|^src/main\\.ts$' },
    },
  },
};
