/**
 * `npm run robustness`: the crash corpus for the rules and the codemod. See docs/reliability.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import type { LifetimePlugin } from '../../src/index.js';
import { type Transform, runCliOnCorpus, transformInProcess } from './codemod-corpus.js';
import { CORPUS_SOURCES, collectCorpus, copyCorpus, packageVersion, repoRoot } from './corpus.js';
import { fuzz, writeFuzzProject } from './fuzz.js';
import { lintCorpus, type RuleException } from './lint-corpus.js';
import { collectSyntaxCorpus, SYNTAX_SOURCES, syntaxCorpusConfigs } from './syntax-corpus.js';

const HELP = `Usage: npm run robustness -- [options]

Four phases, each with every rule of the built plugin and real type information:
  lint     a corpus of real-world sources (typescript's lib, @types/node, rxjs, three,
           postcss, @loopback with decorators, @tanstack/react-query with TSX)
  syntax   a syntax corpus fetched on demand into the package cache: TC39's parser tests
           (scripts, modules, early errors), core-js (CommonJS), monaco-editor (ES modules),
           effect (generic TypeScript)
  fuzz     every snippet the rules react to at every kind of position (top level, class
           members, keys, decorators, namespaces, JSX, ...) in TS, TSX, JS, CommonJS and scripts
  codemod  the weak-parent codemod, in process and through its CLI, twice, on a copy of the
           lint corpus
Prints counts; exits 1 when a rule threw, the codemod crashed, broke a file, touched a file it
cannot parse, or changed something on a second run.

Options:
  --quick          a small deterministic sample (a few files per package, one snippet per
                   position) instead of everything
  --only <phase>   only one phase: "lint", "syntax", "fuzz" or "codemod"
  --no-build       use dist/ as it is instead of running the build first
  --json <file>    also write every figure (and every failing file) as JSON to <file>
  --keep           keep the temporary copies and print where they are
  --help           this text
`;

/** Files no parser accepts, added to the codemod's copy of the corpus. */
const CANARIES: readonly (readonly [string, string | Buffer])[] = [
  ['unterminated-parent.ts', 'export class Broken {\n  parent: Broken | null = null\n  oops(: void {}\n'],
  ['binary-parent.js', Buffer.concat([Buffer.from([0, 0xff, 0xfe, 0]), Buffer.from('class B { parent = null }'), Buffer.from([0, 0x89])])],
];

interface Flags {
  quick: boolean;
  only: string | undefined;
  build: boolean;
  json: string | undefined;
  keep: boolean;
}

class UsageError extends Error {}

const PHASES = ['lint', 'syntax', 'fuzz', 'codemod'];

function readFlags(): Flags {
  try {
    return parseFlags();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseFlags(): Flags {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  if (values.only !== undefined && !PHASES.includes(values.only)) {
    throw new Error(`--only takes ${PHASES.map((phase) => `"${phase}"`).join(', ')}, not "${values.only}".`);
  }
  return { quick: values.quick, only: values.only, build: !values['no-build'], json: values.json, keep: values.keep };
}

function build(): void {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const started = performance.now();
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: repoRoot, encoding: 'utf8' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status === 0) {
    log(`build: ok (${seconds} s)`);
  } else {
    // tsc still emits on type errors; a half-finished rule elsewhere should not stop the corpus run.
    log(`build: tsc exited ${String(run.status)} (${seconds} s); using what it emitted. First lines:\n${run.stdout.split('\n').slice(0, 5).join('\n')}`);
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function logExceptions(exceptions: readonly RuleException[]): void {
  log(`  rule exceptions: ${String(exceptions.length)}`);
  for (const exception of exceptions.slice(0, 20)) {
    log(`    ${exception.file} [${exception.ruleId ?? 'no rule named'}] ${exception.message}\n${exception.stack.replace(/^/gm, '      ')}`);
  }
}

/** Parse errors grouped by message (positions left out), most frequent first. */
function commonParseErrors(errors: readonly { message: string }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const error of errors) {
    const message = error.message.replace(/^\d+:\d+ /, '');
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function sumCounts(...records: Record<string, number>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const record of records) for (const [key, value] of Object.entries(record)) sum[key] = (sum[key] ?? 0) + value;
  return sum;
}

function progress(phase: string): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (done === total || now - last > 5000) {
      last = now;
      process.stderr.write(`  ${phase}: ${String(done)}/${String(total)}\n`);
    }
  };
}

async function main(): Promise<number> {
  const flags = readFlags();
  if (flags.build) build();
  const files = collectCorpus({ quick: flags.quick });
  const figures: Record<string, unknown> = { mode: flags.quick ? 'quick' : 'full', node: process.version };
  const sources = [...new Set(CORPUS_SOURCES.map((source) => source.packageName))].map((name) => {
    const count = files.filter((file) => file.relativePath.startsWith(`${name}/`)).length;
    return { package: name, version: packageVersion(name), files: count };
  });
  figures.sources = sources;
  log(`corpus (${flags.quick ? 'quick sample' : 'full'}): ${String(files.length)} files`);
  for (const source of sources) log(`  ${source.package}@${source.version}: ${String(source.files)}`);
  let failed = false;

  const runs = (phase: string): boolean => flags.only === undefined || flags.only === phase;
  const plugin = ((await import(pathToFileURL(join(repoRoot, 'dist', 'src', 'index.js')).href)) as { default: LifetimePlugin }).default;
  /** Files every rule ran on, per phase, for the total at the end. */
  const linted: Record<string, number> = {};

  if (runs('lint')) {
    const copy = copyCorpus(files);
    const lint = await lintCorpus({ plugin, root: copy.root, tsconfigPath: copy.tsconfigPath, files: copy.files, onProgress: progress('lint') });
    figures.lint = lint;
    log(`\nlint: every rule of configs.all (${String(Object.keys(plugin.rules).length)} rules: ${Object.keys(plugin.rules).join(', ') || 'none yet'}), typed`);
    log(`  files linted: ${String(lint.completed)} of ${String(lint.files)}`);
    log(`  parse errors (fatal messages from the parser): ${String(lint.parseErrors.length)}`);
    for (const [ruleId, count] of Object.entries(lint.reportsByRule)) {
      const slowest = (lint.slowestByRule[ruleId] ?? []).map((entry) => `${entry.file} ${entry.ms.toFixed(0)} ms`).join(', ');
      log(`  reports ${ruleId}: ${String(count)} (${(lint.ruleTimeMs[ruleId] ?? 0).toFixed(0)} ms in the rule; slowest: ${slowest || '-'})`);
    }
    logExceptions(lint.exceptions);
    log(`  time: ${String(lint.programs)} program(s) built in ${(lint.programMs / 1000).toFixed(1)} s, linting ${(lint.lintMs / 1000).toFixed(1)} s; slowest file ${lint.slowest[0]?.file ?? '-'} ${((lint.slowest[0]?.ms ?? 0) / 1000).toFixed(1)} s`);
    if (lint.exceptions.length > 0) failed = true;
    linted.lint = lint.completed - lint.parseErrors.length;
    if (flags.keep) log(`  kept: ${copy.root}`);
    else rmSync(copy.root, { recursive: true, force: true });
  }

  if (runs('syntax')) {
    const syntaxFiles = collectSyntaxCorpus({ quick: flags.quick, log: (line) => process.stderr.write(`  ${line}\n`) });
    const copy = copyCorpus(syntaxFiles, 'lifetime-syntax-');
    const syntax = await lintCorpus({
      plugin,
      root: copy.root,
      tsconfigPath: copy.tsconfigPath,
      files: copy.files,
      extraConfigs: syntaxCorpusConfigs(),
      onProgress: progress('syntax'),
    });
    figures.syntax = { sources: SYNTAX_SOURCES, ...syntax };
    log(`\nsyntax corpus (${flags.quick ? 'quick sample' : 'full'}): ${String(syntaxFiles.length)} files, every rule, typed`);
    for (const source of SYNTAX_SOURCES) {
      const count = syntaxFiles.filter((file) => file.label === source.name).length;
      if (count > 0 || !flags.quick) log(`  ${source.name}@${source.version} (${source.dirs.join(', ')}): ${String(count)} files`);
    }
    log(`  files linted: ${String(syntax.completed)} of ${String(syntax.files)}; parse errors: ${String(syntax.parseErrors.length)} (the parser rejects them, so no rule ran there)`);
    for (const [message, count] of commonParseErrors(syntax.parseErrors).slice(0, 8)) log(`    ${String(count)} × ${message}`);
    log(`  reports: ${Object.entries(syntax.reportsByRule).map(([ruleId, count]) => `${ruleId.replace('lifetime/', '')} ${String(count)}`).join(', ')}`);
    logExceptions(syntax.exceptions);
    log(`  time: ${(syntax.programMs / 1000).toFixed(1)} s for the program, ${(syntax.lintMs / 1000).toFixed(1)} s linting`);
    if (syntax.exceptions.length > 0) failed = true;
    linted.syntax = syntax.completed - syntax.parseErrors.length;
    if (flags.keep) log(`  kept: ${copy.root}`);
    else rmSync(copy.root, { recursive: true, force: true });
  }

  if (runs('fuzz')) {
    const project = writeFuzzProject({ sample: flags.quick });
    const result = await fuzz(plugin, project, progress('fuzz'));
    const parseErrors = [...result.modules.parseErrors, ...result.scripts.parseErrors];
    const exceptions = [...result.modules.exceptions, ...result.scripts.exceptions];
    figures.fuzz = {
      cases: result.cases.length,
      languages: result.languages,
      positions: result.positions,
      positionsCovered: result.positionsCovered,
      triggers: result.triggers,
      triggersCovered: result.triggersCovered,
      parseErrors,
      exceptions,
      reportsByRule: sumCounts(result.modules.reportsByRule, result.scripts.reportsByRule),
    };
    const languages = Object.entries(result.languages).map(([language, count]) => `${language} ${String(count)}`).join(', ');
    log(`\nfuzz (${flags.quick ? 'one snippet per position' : 'every snippet at every position'}): ${String(result.cases.length)} files (${languages})`);
    log(`  ${String(result.triggers)} snippets at ${String(result.positions)} kinds of position; the rules ran on ${String(result.triggersCovered)} snippets and ${String(result.positionsCovered)} position kinds`);
    log(`  parse errors: ${String(parseErrors.length)}`);
    for (const error of parseErrors.slice(0, 10)) log(`    ${error.file} ${error.message}`);
    logExceptions(exceptions);
    if (exceptions.length > 0) failed = true;
    linted.fuzz = result.cases.length - parseErrors.length - exceptions.length;
    if (flags.keep) log(`  kept: ${project.root}`);
    else rmSync(project.root, { recursive: true, force: true });
  }

  if (Object.keys(linted).length > 1) {
    const total = Object.values(linted).reduce((sum, count) => sum + count, 0);
    log(`\nfiles every rule ran on: ${String(total)} (${Object.entries(linted).map(([phase, count]) => `${phase} ${String(count)}`).join(', ')})`);
    figures.lintedTotal = total;
  }

  if (runs('codemod')) {
    const transformPath = join(repoRoot, 'dist', 'codemods', 'weak-parent.js');
    const cliPath = join(repoRoot, 'dist', 'cli', 'index.js');
    log('\ncodemod weak-parent');
    if (!existsSync(transformPath) || !existsSync(cliPath)) {
      log(`  skipped: ${existsSync(transformPath) ? '' : 'dist/codemods/weak-parent.js '}${existsSync(cliPath) ? '' : 'dist/cli/index.js '}not built yet`);
      figures.codemod = 'not built';
    } else {
      const transform = ((await import(pathToFileURL(transformPath).href)) as { default: Transform }).default;
      const copy = copyCorpus(files);
      // Real packages parse; two canaries make sure unparsable files are listed and left alone.
      for (const [name, content] of CANARIES) {
        const path = join(copy.corpusDir, '__canary__', name);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
        copy.files.push(path);
      }
      const inProcess = transformInProcess(transform, copy.root, copy.files);
      log(`  in process: ${String(inProcess.changed.length)} changed, ${String(inProcess.unchanged)} unchanged, ${String(inProcess.unparsable.length)} unparsable, ${String(inProcess.crashes.length)} crashes, ${String(inProcess.brokenOutput.length)} outputs that no longer parse, ${String(inProcess.notIdempotent.length)} not idempotent, ${String(inProcess.reports)} members reported for review (${(inProcess.ms / 1000).toFixed(1)} s)`);
      for (const crash of inProcess.crashes.slice(0, 20)) log(`    crash ${crash.file}: ${crash.message}\n${crash.stack.replace(/^/gm, '      ')}`);
      for (const broken of inProcess.brokenOutput.slice(0, 20)) log(`    broken output ${broken.file}: ${broken.message}`);
      for (const file of inProcess.notIdempotent.slice(0, 20)) log(`    not idempotent ${file}`);
      for (const file of inProcess.unparsable) log(`    unparsable ${file.file}: ${file.message}`);
      const cli = runCliOnCorpus(cliPath, 'weak-parent', copy.root, copy.corpusDir, copy.files, new Set(inProcess.unparsable.map((file) => file.file)));
      log(`  CLI first run: exit ${String(cli.first.exitCode)}${cli.first.signal === null ? '' : ` (${cli.first.signal})`}, ${String(cli.changed.length)} files changed, ${(cli.first.ms / 1000).toFixed(1)} s; summary: ${cli.first.summary.join(' / ')}`);
      for (const file of cli.changed.slice(0, 20)) log(`    changed ${file}`);
      log(`  CLI listed as failed: ${String(cli.first.failed.length)}`);
      for (const line of cli.first.failed.slice(0, 20)) log(`    ${line}`);
      log(`  CLI changed files that no longer parse: ${String(cli.changedNotParsing.length)}`);
      for (const file of cli.changedNotParsing.slice(0, 20)) log(`    ${file.file}: ${file.message}`);
      log(`  unparsable files the CLI touched: ${String(cli.unparsableTouched.length)}`);
      const unlisted = inProcess.unparsable.filter((file) => !cli.first.failed.some((line) => line.includes(file.file.replace(/^corpus\//, ''))));
      log(`  unparsable files (incl. ${String(CANARIES.length)} canaries) the CLI did not list as failed: ${String(unlisted.length)}`);
      for (const file of unlisted) log(`    ${file.file}`);
      log(`  CLI second run: exit ${String(cli.second.exitCode)}, files changed again: ${String(cli.secondRunChanged.length)}; summary: ${cli.second.summary.join(' / ')}`);
      log(`  uncaught exceptions in the CLI: ${String(Number(cli.first.uncaught) + Number(cli.second.uncaught))}`);
      figures.codemod = { inProcess, cli };
      if (
        inProcess.crashes.length > 0 ||
        inProcess.brokenOutput.length > 0 ||
        inProcess.notIdempotent.length > 0 ||
        cli.changedNotParsing.length > 0 ||
        cli.unparsableTouched.length > 0 ||
        unlisted.length > 0 ||
        cli.secondRunChanged.length > 0 ||
        cli.first.uncaught ||
        cli.second.uncaught ||
        cli.first.signal !== null
      ) {
        failed = true;
      }
      if (flags.keep) log(`  kept: ${copy.root}`);
      else rmSync(copy.root, { recursive: true, force: true });
    }
  }

  if (flags.json !== undefined) writeFileSync(flags.json, `${JSON.stringify(figures, null, 2)}\n`);
  log(failed ? '\nrobustness: FAILED' : '\nrobustness: ok');
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`robustness: ${error.message}\nRun \`npm run robustness -- --help\` for the options.\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
