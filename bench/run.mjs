#!/usr/bin/env node
// `npm run bench`: what eslint-plugin-lifetime costs, measured on real code from pinned published
// packages (rxjs, three: installed on first use into a cache outside the repository by
// scripts/lib/corpora.mjs) and compared with the ecosystem. Prints tables and writes the same figures to
// bench/results.json together with the machine and versions they were taken on.
// Every lint runs in its own child process (bench/lint-child.mjs) so peak RSS and the
// TypeScript program belong to that lint alone. Run `node bench/run.mjs --help` for the flags.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { cacheRoot } from '../scripts/lib/package-cache.mjs';
import { corpusInstall, rxjsProject } from '../scripts/lib/corpora.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(root, p) || '.';

const SECTIONS = ['overhead', 'memory', 'editor', 'codemod', 'scaling', 'concurrency', 'ecosystem', 'weak-parent-tree'];
const RXJS_TSCONFIG = 'bench/rxjs.tsconfig.json';
const COMPARED_RULES = ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'];
const TARGETS = {
  oursSumPct: 2,
  oursEachPct: 0.75,
  rssPct: 3,
  editorAddedMs: 5,
  codemodRatio: 1,
  scalingGrowthPct: 25,
  // Issue "Trust on real code": each rule on each of the ecosystem set's three largest packages.
  ecosystemEachPct: 0.6,
  ecosystemRequireUsingPct: 0.5,
  // Issue 17 (no-leaked-listener's speed): the rule on rxjs and on each of the three largest packages.
  leakedListenerPct: 0.5,
  treeBuildRatio: 1.15,
  treeHeapRatio: 1.1,
};

const HELP = `usage: npm run bench -- [options]      (or: node bench/run.mjs [options])

Sections (default: all; pick with --sections, by name or number):
  1 overhead     recommendedTypeChecked on rxjs's src/ without and with lifetime.configs.all:
                 total, parse, each of our rules and their sum as % of total (--stats timings),
                 no-floating-promises and no-misused-promises for comparison
  2 memory       peak RSS of those same lint processes, with vs without
  3 editor       ESLint#lintText on one edited rxjs file with a warm program, with vs without
  4 codemod      weak-parent CLI vs jscodeshift with a parse-only transform on three's src/
  5 scaling      lint time of our rules per class on generated projects of growing size
  6 concurrency  the lint of section 1 (with our rules) at --concurrency off, 2 and auto
  7 ecosystem    recommendedTypeChecked plus lifetime.configs.all, cold, on each of the three
                 largest packages of the ecosystem set (scripts/ecosystem/manifest.json, by bytes
                 of linted code): each of our rules as % of the lint (target <= 0.6%,
                 require-using and no-leaked-listener <= 0.5%)
  8 weak-parent-tree
                 the code the weak-parent codemod writes: build a 100,000-node tree, walk up
                 from every leaf, heap kept; strong field vs each storage mode, one process each

Options:
  --runs N              runs per figure (default 5 for overhead/memory/codemod, 3 for scaling and
                        concurrency; --runs sets all of them)
  --sections LIST       comma-separated names or numbers, e.g. --sections 1,2 or overhead,editor
  --sizes LIST          class counts for scaling (default 500,1000,2000,4000)
  --editor-file FILE    file for the editor path, relative to the corpus install
                        (default node_modules/rxjs/src/internal/Subscriber.ts)
  --editor-iterations N lintText calls per variant (default 30)
  --cpus N              --cpus for both codemod runs (default 2)
  --concurrency LIST    settings for section 6 (default off,2,auto)
  --quick               a fast smoke run: 2 runs, sizes 500,1000, 8 editor iterations
  --no-build            use dist/ as it is instead of running the TypeScript build first
  --out FILE            where to write the JSON (default bench/results.json; "-" for none)
  --from FILE           print the tables of an earlier results file instead of measuring
  --markdown            print the tables as Markdown (for docs/performance.md)
  -h, --help            this text
`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      sections: { type: 'string' },
      sizes: { type: 'string' },
      'editor-file': { type: 'string', default: 'node_modules/rxjs/src/internal/Subscriber.ts' },
      'editor-iterations': { type: 'string' },
      cpus: { type: 'string', default: '2' },
      concurrency: { type: 'string', default: 'off,2,auto' },
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results.json' },
      from: { type: 'string' },
      markdown: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const positive = (name, text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive integer, not ${text}`);
    return n;
  };
  const quick = values.quick;
  const runs = values.runs === undefined ? undefined : positive('runs', values.runs);
  const sections = values.sections === undefined
    ? SECTIONS
    : values.sections.split(',').map((s) => {
        const name = /^\d+$/.test(s.trim()) ? SECTIONS[Number(s) - 1] : s.trim();
        if (name === undefined || !SECTIONS.includes(name)) throw new Error(`unknown section ${s}; sections: ${SECTIONS.join(', ')}`);
        return name;
      });
  return {
    help: values.help,
    from: values.from,
    markdown: values.markdown,
    build: !values['no-build'],
    out: values.out,
    sections: new Set(sections),
    lintRuns: runs ?? (quick ? 2 : 5),
    codemodRuns: runs ?? (quick ? 2 : 5),
    scalingRuns: runs ?? (quick ? 2 : 3),
    concurrencyRuns: runs ?? (quick ? 1 : 3),
    ecosystemRuns: runs ?? (quick ? 1 : 3),
    sizes: (values.sizes ?? (quick ? '500,1000' : '500,1000,2000,4000')).split(',').map((s) => positive('sizes', s)),
    editorFile: values['editor-file'],
    editorIterations: positive('editor-iterations', values['editor-iterations'] ?? (quick ? '8' : '30')),
    cpus: positive('cpus', values.cpus),
    concurrency: values.concurrency.split(',').map((s) => s.trim()),
    quick,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics: every figure is a median over runs, with min and max.

function summary(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  const median = xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median, min: xs[0], max: xs.at(-1), n: xs.length };
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------
// Child processes.

function runNode(args, { env = {}, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr, wallMs: performance.now() - start });
    });
  });
}

async function runJsonChild(script, args, nodeFlags = []) {
  const result = await runNode([...nodeFlags, path.join(root, script), ...args]);
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.code !== 0 || !line.startsWith('{')) {
    throw new Error(`${script} ${args.join(' ')} failed (exit ${String(result.code)}):\n${result.stderr.slice(-3000)}`);
  }
  return { ...JSON.parse(line), processWallMs: result.wallMs };
}

function lint({ tsconfig, rules, pattern, concurrency = 'off', cwd = root, files }) {
  const patterns = Array.isArray(pattern) ? pattern : [pattern];
  const extra = files === undefined ? [] : ['--files', files.join(',')];
  return runJsonChild('bench/lint-child.mjs', ['--cwd', cwd, '--tsconfig', tsconfig, '--rules', rules, '--concurrency', concurrency, ...extra, ...patterns.flatMap((p) => ['--pattern', p])], ['--expose-gc']);
}

let installed;
/** rxjs and three, installed into the cache on the first call; rxjs as a typed project. */
function corpora() {
  if (installed === undefined) {
    const install = corpusInstall(['rxjs', 'three'], { log });
    installed = { install, rxjs: rxjsProject(install) };
  }
  return installed;
}

/** Section 1's lint of rxjs/src, in the corpus install's folder. */
function lintRxjs(rules, concurrency = 'off') {
  const { rxjs } = corpora();
  return lint({ tsconfig: rxjs.tsconfig, rules, pattern: rxjs.pattern, concurrency, cwd: rxjs.root });
}

function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Setup: build, machine, versions.

function build() {
  log('building the plugin (tsc -p tsconfig.build.json)');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    // tsc still emits when other files have type errors; the benchmark can go on with that output.
    log(`the build reported errors (output emitted anyway):\n${result.stdout.split('\n').slice(0, 10).join('\n')}`);
  }
  if (!fs.existsSync(path.join(root, 'dist/src/index.js'))) throw new Error('dist/src/index.js is missing; the build failed');
}

function packageVersion(name, modules = path.join(root, 'node_modules')) {
  try {
    return JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    availableParallelism: os.availableParallelism(),
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
  };
}

function versions() {
  const own = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return {
    'eslint-plugin-lifetime': own.version,
    eslint: packageVersion('eslint'),
    typescript: packageVersion('typescript'),
    'typescript-eslint': packageVersion('typescript-eslint'),
    jscodeshift: packageVersion('jscodeshift'),
    rxjs: packageVersion('rxjs', corpora().install.modules),
    three: packageVersion('three', corpora().install.modules),
  };
}

async function lifetimeRuleIds() {
  const plugin = (await import(path.join(root, 'dist/src/index.js'))).default;
  return Object.keys(plugin.configs.all.rules ?? {});
}

// ---------------------------------------------------------------------------------------------
// 1 + 2: lint overhead and peak memory on rxjs, from the same child processes.

async function overheadAndMemory(options, ours) {
  const rounds = [];
  for (let i = 0; i < options.lintRuns; i++) {
    // ABBA order: drift in machine load falls on both variants alike.
    const order = i % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
    const round = {};
    for (const variant of order) {
      log(`overhead/memory run ${String(i + 1)}/${String(options.lintRuns)}: rxjs ${variant} lifetime`);
      round[variant] = await lintRxjs(variant === 'with' ? 'base+lifetime' : 'base');
      if (round[variant].fatal > 0) throw new Error(`parse errors in the corpus: ${round[variant].fatalSamples.join('; ')}`);
    }
    rounds.push(round);
  }
  const pct = (ms, total) => (100 * ms) / total;
  const perRun = rounds.map(({ with: w, without: wo }) => {
    const oursMs = Object.fromEntries(ours.map((id) => [id, w.rules[id] ?? 0]));
    const oursSum = sum(Object.values(oursMs));
    return {
      withLintMs: w.lintMs,
      withoutLintMs: wo.lintMs,
      withParseMs: w.parseMs,
      withoutParseMs: wo.parseMs,
      oursMs,
      oursSumMs: oursSum,
      oursPct: Object.fromEntries(Object.entries(oursMs).map(([id, ms]) => [id, pct(ms, w.lintMs)])),
      oursSumPct: pct(oursSum, w.lintMs),
      comparedMs: Object.fromEntries(COMPARED_RULES.map((id) => [id, w.rules[id] ?? 0])),
      comparedPct: Object.fromEntries(COMPARED_RULES.map((id) => [id, pct(w.rules[id] ?? 0, w.lintMs)])),
      addedLintPct: pct(w.lintMs - wo.lintMs, wo.lintMs),
      withRssMB: w.maxRssKB / 1024,
      withoutRssMB: wo.maxRssKB / 1024,
      addedRssPct: pct(w.maxRssKB - wo.maxRssKB, wo.maxRssKB),
      withHeapMB: w.retainedHeapMB,
      withoutHeapMB: wo.retainedHeapMB,
      addedHeapPct: pct(w.retainedHeapMB - wo.retainedHeapMB, wo.retainedHeapMB),
      findings: Object.fromEntries(ours.map((id) => [id, w.messages[id] ?? 0])),
      files: w.files,
    };
  });
  const pick = (f) => summary(perRun.map(f));
  const overhead = {
    corpus: `rxjs ${packageVersion('rxjs', corpora().install.modules) ?? ''} src/ (${String(perRun[0]?.files ?? 0)} files), typed by ${RXJS_TSCONFIG}`,
    runs: perRun.length,
    totalWithoutMs: pick((r) => r.withoutLintMs),
    totalWithMs: pick((r) => r.withLintMs),
    addedTotalPct: pick((r) => r.addedLintPct),
    parseWithoutMs: pick((r) => r.withoutParseMs),
    parseWithMs: pick((r) => r.withParseMs),
    rules: Object.fromEntries(ours.map((id) => [id, { ms: pick((r) => r.oursMs[id]), pct: pick((r) => r.oursPct[id]), findings: perRun[0]?.findings[id] ?? 0 }])),
    oursSumMs: pick((r) => r.oursSumMs),
    oursSumPct: pick((r) => r.oursSumPct),
    compared: Object.fromEntries(COMPARED_RULES.map((id) => [id, { ms: pick((r) => r.comparedMs[id]), pct: pick((r) => r.comparedPct[id]) }])),
    perRun,
  };
  const memory = {
    runs: perRun.length,
    withoutMB: pick((r) => r.withoutRssMB),
    withMB: pick((r) => r.withRssMB),
    addedPct: pick((r) => r.addedRssPct),
    retainedHeapWithoutMB: pick((r) => r.withoutHeapMB),
    retainedHeapWithMB: pick((r) => r.withHeapMB),
    retainedHeapAddedPct: pick((r) => r.addedHeapPct),
  };
  return { overhead, memory };
}

// ---------------------------------------------------------------------------------------------
// 3: the editor path.

async function editor(options) {
  log(`editor path: ${options.editorFile}, ${String(options.editorIterations)} lintText calls per variant`);
  const raw = await runJsonChild('bench/editor-child.mjs', [
    '--cwd', corpora().rxjs.root, '--tsconfig', corpora().rxjs.tsconfig, '--file', options.editorFile, '--iterations', String(options.editorIterations),
  ]);
  const paired = raw.with.map((ms, i) => ms - raw.without[i]);
  return {
    file: raw.file,
    lines: raw.lines,
    iterations: raw.with.length,
    firstLintMs: raw.firstMs,
    withoutMs: summary(raw.without),
    withMs: summary(raw.with),
    addedMs: summary(paired),
    withoutCpuMs: summary(raw.withoutCpu),
    withCpuMs: summary(raw.withCpu),
    addedCpuMs: summary(raw.withCpu.map((ms, i) => ms - raw.withoutCpu[i])),
    oursMs: summary(raw.oursMs),
    samples: { without: raw.without, with: raw.with, withoutCpu: raw.withoutCpu, withCpu: raw.withCpu, oursMs: raw.oursMs },
  };
}

// ---------------------------------------------------------------------------------------------
// 4: the codemod against a parse-only jscodeshift run.

function jscodeshiftSummary(output) {
  const count = (label) => {
    const match = new RegExp(`(\\d+) ${label}`).exec(output);
    return match === null ? null : Number(match[1]);
  };
  return { errors: count('errors'), unmodified: count('unmodified'), skipped: count('skipped'), ok: count('ok') };
}

/** The weak-parent CLI ends with `changed: N`, `unchanged: N`, `skipped: N`, `failed: N` lines. */
function cliSummary(output) {
  const count = (label) => {
    const match = new RegExp(`^\\s*${label}:\\s+(\\d+)`, 'm').exec(output);
    return match === null ? null : Number(match[1]);
  };
  return { changed: count('changed'), unchanged: count('unchanged'), skipped: count('skipped'), failed: count('failed') };
}

async function codemod(options) {
  const cli = path.join(root, 'dist/cli/index.js');
  if (!fs.existsSync(cli)) return { skipped: 'dist/cli/index.js does not exist yet (run npm run build)' };
  // Both tools run --dry on a scratch copy, so the installed three is never touched and the
  // codemod's default node_modules ignore does not hide the corpus.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lifetime-bench-'));
  try {
    const corpus = path.join(scratch, 'three-src');
    fs.cpSync(path.join(corpora().install.dir('three'), 'src'), corpus, { recursive: true });
    const files = fs.readdirSync(corpus, { recursive: true }).filter((f) => /\.(?:js|jsx|mjs|cjs|ts|tsx)$/.test(String(f))).length;
    const commands = {
      'weak-parent': [cli, 'weak-parent', '--dry', `--cpus=${String(options.cpus)}`, corpus],
      'parse-only': [
        path.join(root, 'node_modules/jscodeshift/bin/jscodeshift.js'),
        '-t', path.join(root, 'bench/parse-only-transform.mjs'), '--no-babel', '--dry',
        `--cpus=${String(options.cpus)}`, '--extensions=js,jsx,mjs,cjs,ts,tsx', corpus,
      ],
    };
    const rounds = [];
    for (let i = 0; i < options.codemodRuns; i++) {
      const order = i % 2 === 0 ? ['weak-parent', 'parse-only'] : ['parse-only', 'weak-parent'];
      const round = {};
      for (const name of order) {
        log(`codemod run ${String(i + 1)}/${String(options.codemodRuns)}: ${name}`);
        const result = await runNode(commands[name], { cwd: scratch });
        if (result.code !== 0) throw new Error(`${name} failed (exit ${String(result.code)}):\n${(result.stderr || result.stdout).slice(-3000)}`);
        const output = result.stdout + result.stderr;
        round[name] = { wallMs: result.wallMs, summary: name === 'weak-parent' ? cliSummary(output) : jscodeshiftSummary(output) };
      }
      rounds.push(round);
    }
    return {
      corpus: `three ${packageVersion('three', corpora().install.modules) ?? ''} src/ (${String(files)} files, copied to a temp dir)`,
      cpus: options.cpus,
      runs: rounds.length,
      weakParentMs: summary(rounds.map((r) => r['weak-parent'].wallMs)),
      parseOnlyMs: summary(rounds.map((r) => r['parse-only'].wallMs)),
      ratio: summary(rounds.map((r) => r['weak-parent'].wallMs / r['parse-only'].wallMs)),
      files: { 'weak-parent': rounds.at(-1)?.['weak-parent'].summary, 'parse-only': rounds.at(-1)?.['parse-only'].summary },
      commands: {
        'weak-parent': `node dist/cli/index.js weak-parent --dry --cpus=${String(options.cpus)} <copy of three/src>`,
        'parse-only': `jscodeshift -t bench/parse-only-transform.mjs --no-babel --dry --cpus=${String(options.cpus)} --extensions=js,jsx,mjs,cjs,ts,tsx <copy of three/src>`,
      },
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 5: scaling on generated projects.

async function scaling(options, ours) {
  const { generateProject } = await import('./generate.mjs');
  const projects = options.sizes.map((classes) => {
    const made = generateProject({ classes, outDir: path.join(root, 'bench/generated', `classes-${String(classes)}`) });
    log(`generated ${String(made.classes)} classes in ${String(made.modules)} modules under ${rel(made.outDir)}`);
    return made;
  });
  const rounds = [];
  for (let i = 0; i < options.scalingRuns; i++) {
    const round = [];
    for (const project of projects) {
      log(`scaling run ${String(i + 1)}/${String(options.scalingRuns)}: ${String(project.classes)} classes`);
      const result = await lint({ tsconfig: rel(project.tsconfig), rules: 'lifetime', pattern: `${rel(project.outDir)}/src/**/*.ts` });
      if (result.fatal > 0) throw new Error(`generated code did not parse: ${result.fatalSamples.join('; ')}`);
      const oursMs = sum(ours.map((id) => result.rules[id] ?? 0));
      round.push({
        classes: project.classes,
        lintMs: result.lintMs,
        oursMs,
        oursUsPerClass: (1000 * oursMs) / project.classes,
        lintUsPerClass: (1000 * result.lintMs) / project.classes,
        findings: sum(ours.map((id) => result.messages[id] ?? 0)),
      });
    }
    const first = round[0];
    const last = round.at(-1);
    rounds.push({ sizes: round, growthPct: first.oursMs > 0 ? 100 * (last.oursUsPerClass / first.oursUsPerClass - 1) : null });
  }
  return {
    rules: 'lifetime.configs.all only (no other rules), so the type checker work they trigger counts as theirs',
    runs: rounds.length,
    sizes: projects.map((project, index) => ({
      classes: project.classes,
      modules: project.modules,
      lintMs: summary(rounds.map((r) => r.sizes[index].lintMs)),
      oursMs: summary(rounds.map((r) => r.sizes[index].oursMs)),
      oursUsPerClass: summary(rounds.map((r) => r.sizes[index].oursUsPerClass)),
      lintUsPerClass: summary(rounds.map((r) => r.sizes[index].lintUsPerClass)),
      findings: rounds[0]?.sizes[index].findings ?? 0,
    })),
    growthPct: summary(rounds.map((r) => r.growthPct)),
  };
}

// ---------------------------------------------------------------------------------------------
// 6: concurrency.

async function concurrency(options, ours) {
  const rounds = [];
  for (let i = 0; i < options.concurrencyRuns; i++) {
    const round = {};
    // Rotate the order each round.
    const order = options.concurrency.map((_, k) => options.concurrency[(k + i) % options.concurrency.length]);
    for (const setting of order) {
      log(`concurrency run ${String(i + 1)}/${String(options.concurrencyRuns)}: --concurrency ${setting}`);
      round[setting] = await lintRxjs('base+lifetime', setting);
    }
    rounds.push(round);
  }
  const baseline = options.concurrency[0];
  const findingsOf = (r) => Object.fromEntries(ours.map((id) => [id, r.messages[id] ?? 0]));
  const reference = JSON.stringify(findingsOf(rounds[0][baseline]));
  return {
    lint: 'section 1 with lifetime.configs.all, rxjs src/',
    runs: rounds.length,
    availableParallelism: os.availableParallelism(),
    settings: options.concurrency.map((setting) => ({
      concurrency: setting,
      wallMs: summary(rounds.map((r) => r[setting].wallMs)),
      speedup: summary(rounds.map((r) => r[baseline].wallMs / r[setting].wallMs)),
      rssMB: summary(rounds.map((r) => r[setting].maxRssKB / 1024)),
      cpuMs: summary(rounds.map((r) => r[setting].cpuMs)),
      // Our rules show up in the per-file stats, which come back from the worker threads.
      oursRan: ours.length > 0 && rounds.every((r) => ours.every((id) => id in r[setting].rules)),
      sameFindings: rounds.every((r) => JSON.stringify(findingsOf(r[setting])) === reference),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// 7: our rules on the three largest packages of the ecosystem set.

async function ecosystem(options, ours) {
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url);
  const { preparePackage, readManifest } = await jiti.import(path.join(root, 'scripts/ecosystem/prepare.ts'));
  const manifest = readManifest(path.join(root, 'scripts/ecosystem/manifest.json'));
  const sized = manifest.packages.map((entry) => {
    const prepared = preparePackage(entry, log);
    const bytes = sum(prepared.files.map((file) => fs.statSync(file).size));
    return { entry, prepared, bytes };
  });
  const largest = sized.sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  const packages = [];
  for (const { entry, prepared, bytes } of largest) {
    const patterns = prepared.files.map((file) => path.relative(prepared.root, file).split(path.sep).join('/'));
    const files = entry.js === true ? ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'] : ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
    const runs = [];
    try {
      for (let i = 0; i < options.ecosystemRuns; i++) {
        log(`ecosystem run ${String(i + 1)}/${String(options.ecosystemRuns)}: ${entry.name}@${entry.version} (${String(patterns.length)} files), cold`);
        runs.push(await lint({ tsconfig: prepared.tsconfigPath, rules: 'base+lifetime', pattern: patterns, cwd: prepared.root, files }));
      }
    } catch (error) {
      // A rule that throws ends the whole lint: no figure for this package, and the reason kept.
      const text = error instanceof Error ? error.message : String(error);
      const reason = (text.split('\n').find((line) => line.startsWith('lint-child: ')) ?? text.split('\n').at(-1) ?? text)
        .replace('lint-child: ', '')
        .replaceAll(prepared.root, '<package>');
      log(`ecosystem: the lint of ${entry.name} failed: ${reason}`);
      packages.push({ name: `${entry.name}@${entry.version}`, files: patterns.length, kilobytes: Math.round(bytes / 1024), error: reason });
      continue;
    }
    const pct = (ms, total) => (100 * ms) / total;
    packages.push({
      name: `${entry.name}@${entry.version}`,
      files: runs[0]?.files ?? 0,
      kilobytes: Math.round(bytes / 1024),
      runs: runs.length,
      lintMs: summary(runs.map((r) => r.lintMs)),
      fatal: runs[0]?.fatal ?? 0,
      rules: Object.fromEntries(ours.map((id) => [id, { ms: summary(runs.map((r) => r.rules[id] ?? 0)), pct: summary(runs.map((r) => pct(r.rules[id] ?? 0, r.lintMs))) }])),
      oursSumPct: summary(runs.map((r) => pct(sum(ours.map((id) => r.rules[id] ?? 0)), r.lintMs))),
      compared: Object.fromEntries(COMPARED_RULES.map((id) => [id, { pct: summary(runs.map((r) => pct(r.rules[id] ?? 0, r.lintMs))) }])),
    });
  }
  return {
    lint: 'recommendedTypeChecked + lifetime.configs.all, each run a fresh process (cold program)',
    choice: 'the three packages of scripts/ecosystem/manifest.json with the most bytes of linted code',
    packages,
  };
}

// ---------------------------------------------------------------------------------------------
// 8: the code the weak-parent codemod writes, against the strong field it replaces.

async function weakParentTree(options) {
  const transformPath = path.join(root, 'dist/codemods/weak-parent.js');
  if (!fs.existsSync(transformPath)) return { skipped: 'dist/codemods/weak-parent.js does not exist yet (run npm run build)' };
  const { transformWithReports } = await import(pathToFileURL(transformPath).href);
  const strongPath = path.join(root, 'bench/weak-parent-tree-node.mjs');
  const source = fs.readFileSync(strongPath, 'utf8');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lifetime-tree-'));
  const variants = {
    strong: { what: 'the strong field (before the codemod)', options: undefined },
    shared: { what: 'default: #private store, one WeakRef per parent kept in a private slot of the parent', options: {} },
    'shared-map': { what: 'WeakMap form of the sharing helper (Node < 16.4, Flow parser): one WeakRef per parent in a static WeakMap', options: { parser: 'flow' } },
    'per-child': { what: '--storage=underscore: one WeakRef per child, as v1 wrote everywhere', options: { storage: 'underscore' } },
    own: { what: '--accessor=own: shared WeakRef plus an own enumerable accessor per instance', options: { accessor: 'own' } },
  };
  try {
    for (const [name, variant] of Object.entries(variants)) {
      const file = path.join(scratch, `${name}.mjs`);
      // The scratch folder is outside any project, so the transform uses its defaults there.
      const text = variant.options === undefined ? source : transformWithReports({ path: file, source }, variant.options).output;
      if (variant.options !== undefined && text === source) throw new Error(`the codemod did not rewrite the node class for ${name}`);
      fs.writeFileSync(file, text);
      variant.file = file;
    }
    const nodes = options.quick ? 20_000 : 100_000;
    const rounds = options.quick ? 5 : 11;
    const runs = options.codemodRuns;
    const perRun = [];
    const loadAverage = os.loadavg().map((x) => Math.round(x * 10) / 10);
    for (let i = 0; i < runs; i++) {
      const names = Object.keys(variants);
      const order = i % 2 === 0 ? names : [...names].reverse();
      const round = {};
      for (const name of order) {
        log(`weak-parent tree run ${String(i + 1)}/${String(runs)}: ${name}`);
        const result = await runNode(['--expose-gc', path.join(root, 'bench/weak-parent-tree.mjs'), variants[name].file, String(nodes), String(rounds)]);
        if (result.code !== 0) throw new Error(`${name} failed (exit ${String(result.code)}):\n${result.stderr.slice(-2000)}`);
        round[name] = JSON.parse(result.stdout.trim().split('\n').at(-1));
      }
      const steps = new Set(Object.values(round).map((r) => r.steps));
      if (steps.size !== 1) throw new Error('the variants walked different trees');
      perRun.push(round);
    }
    const figure = (name, key) => summary(perRun.map((round) => round[name][key]));
    const ratio = (name, key) => summary(perRun.map((round) => round[name][key] / round.strong[key]));
    return {
      nodes,
      branching: 8,
      runs,
      roundsPerProcess: rounds,
      loadAverage,
      command: `node --expose-gc bench/weak-parent-tree.mjs <variant>.mjs ${String(nodes)} ${String(rounds)}`,
      variants: Object.fromEntries(Object.entries(variants).map(([name, v]) => [name, {
        what: v.what,
        options: v.options ?? null,
        buildMs: figure(name, 'buildMs'),
        buildCpuMs: figure(name, 'buildCpuMs'),
        walkMs: figure(name, 'walkMs'),
        walkCpuMs: figure(name, 'walkCpuMs'),
        heapMB: figure(name, 'heapMB'),
      }])),
      ratios: Object.fromEntries(Object.keys(variants).filter((name) => name !== 'strong').map((name) => [name, {
        build: ratio(name, 'buildMs'),
        buildCpu: ratio(name, 'buildCpuMs'),
        walk: ratio(name, 'walkMs'),
        walkCpu: ratio(name, 'walkCpuMs'),
        heap: ratio(name, 'heapMB'),
      }])),
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Targets and tables.

function targets(results) {
  const out = [];
  const add = (figure, target, value, met) => out.push({ figure, target, value, met });
  const o = results.sections.overhead;
  if (o?.oursSumPct) {
    add('all lifetime rules, % of lint total', `<= ${String(TARGETS.oursSumPct)}%`, o.oursSumPct.median, o.oursSumPct.median <= TARGETS.oursSumPct);
    for (const [id, rule] of Object.entries(o.rules)) {
      const limit = id === 'lifetime/no-leaked-listener' ? TARGETS.leakedListenerPct : TARGETS.oursEachPct;
      if (rule.pct) add(`${id}, % of lint total`, `<= ${String(limit)}%`, rule.pct.median, rule.pct.median <= limit);
    }
  }
  const m = results.sections.memory;
  if (m?.addedPct) add('peak RSS added', `<= ${String(TARGETS.rssPct)}%`, m.addedPct.median, m.addedPct.median <= TARGETS.rssPct);
  const e = results.sections.editor;
  if (e?.oursMs) {
    add('editor: lifetime rules per lintText (ms)', `<= ${String(TARGETS.editorAddedMs)} ms`, e.oursMs.median, e.oursMs.median <= TARGETS.editorAddedMs);
  }
  const c = results.sections.codemod;
  if (c?.ratio) add('codemod / parse-only wall time', `<= ${String(TARGETS.codemodRatio)}`, c.ratio.median, c.ratio.median <= TARGETS.codemodRatio);
  const s = results.sections.scaling;
  if (s?.growthPct) add('scaling: per-class time, smallest to largest', `<= +${String(TARGETS.scalingGrowthPct)}%`, s.growthPct.median, s.growthPct.median <= TARGETS.scalingGrowthPct);
  for (const item of results.sections.ecosystem?.packages ?? []) {
    if (item.error !== undefined) {
      add(`ecosystem ${item.name}: the lint completes`, 'no rule exception', null, false);
      continue;
    }
    for (const [id, rule] of Object.entries(item.rules)) {
      const limit =
        id === 'lifetime/require-using' ? TARGETS.ecosystemRequireUsingPct : id === 'lifetime/no-leaked-listener' ? TARGETS.leakedListenerPct : TARGETS.ecosystemEachPct;
      if (rule.pct) add(`ecosystem ${item.name}: ${id}, % of lint`, `<= ${String(limit)}%`, rule.pct.median, rule.pct.median <= limit);
    }
  }
  const w = results.sections['weak-parent-tree']?.ratios?.shared;
  if (w) {
    add('weak-parent tree: build CPU time, rewritten / strong', `<= ${String(TARGETS.treeBuildRatio)}`, w.buildCpu.median, w.buildCpu.median <= TARGETS.treeBuildRatio);
    add('weak-parent tree: build wall time, rewritten / strong (noisy)', `<= ${String(TARGETS.treeBuildRatio)}`, w.build.median, w.build.median <= TARGETS.treeBuildRatio);
    add('weak-parent tree: heap kept, rewritten / strong', `<= ${String(TARGETS.treeHeapRatio)}`, w.heap.median, w.heap.median <= TARGETS.treeHeapRatio);
  }
  return out;
}

const fmt = (x, digits = 0) => (x === null || x === undefined ? 'n/a' : x.toFixed(digits));
const cell = (s, digits = 0, unit = '') => (s === null || s === undefined ? 'n/a' : `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`);

function tables(results) {
  const out = [];
  const table = (title, head, rows) => out.push({ title, head, rows });
  const { sections } = results;
  const o = sections.overhead;
  if (o) {
    table(`1. Lint overhead: ${o.corpus}, recommendedTypeChecked, ${String(o.runs)} runs`, ['figure', 'median (min–max)'], [
      ['total without lifetime (ms)', cell(o.totalWithoutMs)],
      ['total with lifetime.configs.all (ms)', cell(o.totalWithMs)],
      ['total added by lifetime (%, noisy)', cell(o.addedTotalPct, 1, '%')],
      ['parse + program, with (ms)', cell(o.parseWithMs)],
      ...Object.entries(o.rules).map(([id, r]) => [`${id} (ms / % of total; ${String(r.findings)} reports)`, `${cell(r.ms, 1)} / ${cell(r.pct, 2, '%')}`]),
      ['all lifetime rules (ms / % of total)', `${cell(o.oursSumMs, 1)} / ${cell(o.oursSumPct, 2, '%')}`],
      ...Object.entries(o.compared).map(([id, r]) => [`${id} (ms / % of total)`, `${cell(r.ms, 1)} / ${cell(r.pct, 2, '%')}`]),
    ]);
  }
  const m = sections.memory;
  if (m) {
    table(`2. Peak RSS of the lint process, ${String(m.runs)} runs`, ['figure', 'median (min–max)'], [
      ['without lifetime (MB)', cell(m.withoutMB)],
      ['with lifetime (MB)', cell(m.withMB)],
      ['added (%)', cell(m.addedPct, 1, '%')],
      ['heap retained after lint + gc(), without (MB)', cell(m.retainedHeapWithoutMB, 1)],
      ['heap retained after lint + gc(), with (MB)', cell(m.retainedHeapWithMB, 1)],
      ['heap retained, added (%)', cell(m.retainedHeapAddedPct, 2, '%')],
    ]);
  }
  const e = sections.editor;
  if (e) {
    table(`3. Editor path: lintText on ${e.file} (${String(e.lines)} lines), warm program, ${String(e.iterations)} edits`, ['figure', 'median (min–max)'], [
      ['without lifetime (ms)', cell(e.withoutMs, 1)],
      ['with lifetime (ms)', cell(e.withMs, 1)],
      ['added, paired difference (ms, noisy)', cell(e.addedMs, 1)],
      ['CPU without / with (ms)', `${cell(e.withoutCpuMs, 1)} / ${cell(e.withCpuMs, 1)}`],
      ['CPU added, paired difference (ms)', cell(e.addedCpuMs, 1)],
      ['lifetime rules own time (ms, --stats)', cell(e.oursMs, 2)],
      // Not a median: the one call per run that builds the TypeScript program (older results lack it).
      ...(typeof e.firstLintMs === 'number' ? [['first lintText, builds the program (ms, one call)', e.firstLintMs.toFixed(0)]] : []),
    ]);
  }
  const c = sections.codemod;
  if (c?.skipped) table('4. Codemod', ['figure', 'value'], [['skipped', c.skipped]]);
  else if (c) {
    table(`4. Codemod: ${c.corpus}, --cpus=${String(c.cpus)}, ${String(c.runs)} alternating runs`, ['figure', 'median (min–max)'], [
      ['weak-parent CLI (ms)', cell(c.weakParentMs)],
      ['jscodeshift parse-only (ms)', cell(c.parseOnlyMs)],
      ['ratio weak-parent / parse-only', cell(c.ratio, 2)],
      ['weak-parent files: changed / unchanged / skipped unparsed / failed',
        ['changed', 'unchanged', 'skipped', 'failed'].map((k) => String(c.files['weak-parent']?.[k] ?? 'n/a')).join(' / ')],
      ['parse-only files: parsed / errors', `${String(c.files['parse-only']?.skipped ?? 'n/a')} / ${String(c.files['parse-only']?.errors ?? 'n/a')}`],
    ]);
  }
  const s = sections.scaling;
  if (s) {
    table(`5. Scaling: generated projects, lifetime rules only, ${String(s.runs)} runs`, ['classes', 'files', 'lint (ms)', 'lifetime rules (ms)', 'lifetime rules per class (µs)', 'reports'],
      s.sizes.map((z) => [String(z.classes), String(z.modules), cell(z.lintMs), cell(z.oursMs), cell(z.oursUsPerClass, 1), String(z.findings)]));
    out.at(-1).rows.push(['growth', '', '', '', cell(s.growthPct, 1, '%'), '']);
  }
  const k = sections.concurrency;
  if (k) {
    table(`6. Concurrency: ${k.lint}, ${String(k.runs)} runs, ${String(k.availableParallelism)} cores`, ['--concurrency', 'wall (ms)', 'speedup', 'peak RSS (MB)', 'CPU (ms)', 'lifetime rules ran', 'same reports'],
      k.settings.map((x) => [x.concurrency, cell(x.wallMs), cell(x.speedup, 2), cell(x.rssMB), cell(x.cpuMs), x.oursRan ? 'yes' : 'no', x.sameFindings ? 'yes' : 'no']));
  }
  const y = sections.ecosystem;
  if (y) {
    for (const item of y.packages) {
      if (item.error !== undefined) {
        table(`7. Ecosystem: ${item.name}, ${String(item.files)} files (${String(item.kilobytes)} KiB)`, ['figure', 'value'], [['lint failed', item.error]]);
        continue;
      }
      table(`7. Ecosystem: ${item.name}, ${String(item.files)} files (${String(item.kilobytes)} KiB), ${y.lint}, ${String(item.runs)} runs`, ['figure', 'median (min–max)'], [
        ['lint total (ms)', cell(item.lintMs)],
        ...Object.entries(item.rules).map(([id, r]) => [`${id} (ms / % of total)`, `${cell(r.ms, 1)} / ${cell(r.pct, 2, '%')}`]),
        ['all lifetime rules (% of total)', cell(item.oursSumPct, 2, '%')],
        ...Object.entries(item.compared).map(([id, r]) => [`${id} (% of total)`, cell(r.pct, 2, '%')]),
      ]);
    }
  }
  const w = sections['weak-parent-tree'];
  if (w) {
    table(`8. weak-parent emitted code: ${String(w.nodes)}-node tree, ${String(w.branching)} children per node, ${String(w.runs)} processes per variant, load average ${w.loadAverage.join(' ')}`,
      ['variant', 'build CPU (ms)', 'build wall (ms)', 'walk up CPU (ms)', 'heap kept (MB)', 'build CPU / strong', 'walk CPU / strong', 'heap / strong'],
      Object.entries(w.variants).map(([name, v]) => [
        `${name}: ${v.what}`, cell(v.buildCpuMs, 1), cell(v.buildMs, 1), cell(v.walkCpuMs, 1), cell(v.heapMB, 2),
        name === 'strong' ? '1' : cell(w.ratios[name]?.buildCpu, 2), name === 'strong' ? '1' : cell(w.ratios[name]?.walkCpu, 2),
        name === 'strong' ? '1' : cell(w.ratios[name]?.heap, 3),
      ]));
  }
  if (results.targets.length > 0) {
    table('Targets', ['figure', 'target', 'median', 'met'], results.targets.map((t) => [t.figure, t.target, fmt(t.value, 2), t.met ? 'yes' : 'NO']));
  }
  return out;
}

function printTables(results, markdown) {
  const lines = [];
  const m = results.machine;
  lines.push(`${m.cpus} × ${m.cpuModel}, ${String(m.memoryGB)} GB, ${m.platform}, Node ${m.node}; ` +
    Object.entries(results.versions).map(([k, v]) => `${k} ${String(v)}`).join(', '));
  lines.push(`lifetime rules measured: ${results.rules.length === 0 ? '(none in dist/ yet)' : results.rules.join(', ')}`);
  for (const t of tables(results)) {
    lines.push('');
    if (markdown) {
      lines.push(`**${t.title}**`, '');
      lines.push(`| ${t.head.join(' | ')} |`, `| ${t.head.map(() => '---').join(' | ')} |`);
      for (const row of t.rows) lines.push(`| ${row.join(' | ')} |`);
    } else {
      lines.push(t.title);
      const widths = t.head.map((h, i) => Math.max(h.length, ...t.rows.map((r) => String(r[i]).length)));
      const line = (row) => `  ${row.map((c, i) => String(c).padEnd(widths[i])).join('  ')}`;
      lines.push(line(t.head), line(widths.map((w) => '-'.repeat(w))));
      for (const row of t.rows) lines.push(line(row));
    }
  }
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  let options;
  try {
    options = parseOptions();
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)} (see --help)`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(HELP);
    return;
  }
  if (options.from !== undefined) {
    printTables(JSON.parse(fs.readFileSync(path.resolve(options.from), 'utf8')), options.markdown);
    return;
  }
  process.chdir(root);
  const started = performance.now();
  if (options.build) build();
  const ours = await lifetimeRuleIds();
  log(`lifetime rules in dist/: ${ours.length === 0 ? '(none)' : ours.join(', ')}`);
  const results = {
    date: new Date().toISOString(),
    command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    machine: machine(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    versions: versions(),
    rules: ours,
    sections: {},
    errors: {},
    targets: [],
  };
  const attempt = async (names, fn) => {
    try {
      Object.assign(results.sections, await fn());
    } catch (error) {
      log(`${names.join('/')} failed: ${error instanceof Error ? error.message : String(error)}`);
      for (const name of names) results.errors[name] = error instanceof Error ? error.message : String(error);
    }
  };
  if (options.sections.has('overhead') || options.sections.has('memory')) {
    await attempt(['overhead', 'memory'], async () => {
      const both = await overheadAndMemory(options, ours);
      return Object.fromEntries(Object.entries(both).filter(([name]) => options.sections.has(name)));
    });
  }
  if (options.sections.has('editor')) await attempt(['editor'], async () => ({ editor: await editor(options) }));
  if (options.sections.has('codemod')) await attempt(['codemod'], async () => ({ codemod: await codemod(options) }));
  if (options.sections.has('scaling')) await attempt(['scaling'], async () => ({ scaling: await scaling(options, ours) }));
  if (options.sections.has('concurrency')) await attempt(['concurrency'], async () => ({ concurrency: await concurrency(options, ours) }));
  if (options.sections.has('ecosystem')) await attempt(['ecosystem'], async () => ({ ecosystem: await ecosystem(options, ours) }));
  if (options.sections.has('weak-parent-tree')) await attempt(['weak-parent-tree'], async () => ({ 'weak-parent-tree': await weakParentTree(options) }));
  // A run of some sections keeps the other sections' figures of the results file it writes, so
  // that e.g. `--sections ecosystem` does not throw away the rxjs figures (listed as carried over).
  if (options.out !== '-' && options.sections.size < SECTIONS.length && fs.existsSync(path.resolve(root, options.out))) {
    const earlier = JSON.parse(fs.readFileSync(path.resolve(root, options.out), 'utf8'));
    results.carriedOver = {};
    for (const [name, figures] of Object.entries(earlier.sections ?? {})) {
      if (name in results.sections || options.sections.has(name)) continue;
      results.sections[name] = figures;
      results.carriedOver[name] = earlier.carriedOver?.[name] ?? earlier.date;
    }
  }
  results.targets = targets(results);
  results.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  printTables(results, options.markdown);
  if (Object.keys(results.errors).length > 0) {
    console.log('\nFailed sections:');
    for (const [name, message] of Object.entries(results.errors)) console.log(`  ${name}: ${message.split('\n')[0]}`);
  }
  console.log(`\n(${String(results.durationSeconds)} s)`);
  if (options.out !== '-') {
    // No absolute paths of this machine in a committed file: the repository root and the temp
    // directory (error messages may mention either) become placeholders.
    const json = JSON.stringify(results, null, 2).replaceAll(root, '.').replaceAll(cacheRoot(), '<package cache>').replaceAll(os.tmpdir(), '<tmpdir>');
    fs.writeFileSync(path.resolve(root, options.out), `${json}\n`);
    log(`wrote ${options.out}`);
  }
  if (Object.keys(results.errors).length > 0) process.exitCode = 1;
}

await main();
