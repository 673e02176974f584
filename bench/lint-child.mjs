// One measured lint, run by bench/run.mjs in its own Node process so that peak RSS and the
// TypeScript program belong to this lint alone. Prints one JSON line with the figures.
//   node bench/lint-child.mjs --tsconfig T --rules base|base+lifetime|lifetime
//        [--concurrency off|auto|N] [--pattern GLOB ...] [--cwd DIR] [--files GLOB,...]
// --cwd lints a folder outside the repository (patterns are relative to it); --files sets the
// globs the configs apply to (BENCH_FILES).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';

const { values } = parseArgs({
  options: {
    tsconfig: { type: 'string' },
    cwd: { type: 'string' },
    rules: { type: 'string', default: 'base' },
    concurrency: { type: 'string', default: 'off' },
    pattern: { type: 'string', multiple: true },
    cwd: { type: 'string' },
    files: { type: 'string' },
  },
});
if (values.tsconfig === undefined || values.pattern === undefined) {
  throw new Error('lint-child needs --tsconfig and at least one --pattern');
}
// The config file reads these; worker threads inherit them.
process.env.BENCH_TSCONFIG = values.tsconfig;
process.env.BENCH_RULES = values.rules;
if (values.files !== undefined) process.env.BENCH_FILES = values.files;
const configFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lint.config.mjs');

const concurrency = /^\d+$/.test(values.concurrency) ? Number(values.concurrency) : values.concurrency;

const start = performance.now();
// ESLint lints only files below its cwd: a corpus in the cache is linted with --cwd set to its
// folder, the patterns relative to it; by default the repository root.
const eslint = new ESLint({
  cwd: path.resolve(values.cwd ?? path.join(path.dirname(configFile), '..')),
  overrideConfigFile: configFile,
  stats: true,
  concurrency,
});
const lintStart = performance.now();
let results;
try {
  results = await eslint.lintFiles(values.pattern);
} catch (error) {
  // A rule that throws ends the lint; one short last line says which rule and where.
  const lines = (error instanceof Error ? error.message : String(error)).split('\n');
  const where = lines.filter((line) => line.startsWith('Occurred while linting') || line.startsWith('Rule:'));
  process.stderr.write(`lint-child: ${[lines[0], ...where].join(' | ')}\n`);
  process.exit(1);
}
const end = performance.now();

const rules = {};
const messages = {};
let parseMs = 0;
let filesMs = 0;
let fatal = 0;
const fatalSamples = [];
for (const result of results) {
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    filesMs += pass.total ?? 0;
    for (const [id, time] of Object.entries(pass.rules ?? {})) rules[id] = (rules[id] ?? 0) + time.total;
  }
  for (const message of result.messages) {
    if (message.fatal === true) {
      fatal++;
      if (fatalSamples.length < 3) fatalSamples.push(`${result.filePath}: ${message.message}`);
    }
    const id = message.ruleId ?? '(none)';
    messages[id] = (messages[id] ?? 0) + 1;
  }
}

const usage = process.resourceUsage();
// What stays reachable after the lint (typescript-eslint's program and whatever rules cache
// against it): far steadier than peak RSS, which moves with GC timing. Needs --expose-gc.
let retainedHeapMB = null;
if (typeof globalThis.gc === 'function') {
  globalThis.gc();
  retainedHeapMB = process.memoryUsage().heapUsed / 2 ** 20;
}
process.stdout.write(
  `${JSON.stringify({
    files: results.length,
    wallMs: end - start,
    lintMs: end - lintStart,
    parseMs,
    filesMs,
    rules,
    messages,
    fatal,
    fatalSamples,
    maxRssKB: usage.maxRSS,
    retainedHeapMB,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  })}\n`,
);
