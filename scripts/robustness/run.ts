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
import { lintCorpus } from './lint-corpus.js';

const HELP = `Usage: npm run robustness -- [options]

Lints a corpus of real-world sources (typescript's lib, @types/node, rxjs, three, postcss,
@loopback with decorators, @tanstack/react-query with TSX) with every rule of the built plugin
and real type information, then runs the weak-parent codemod CLI over a copy of the same files.
Prints counts; exits 1 when a rule threw, the codemod crashed, broke a file, touched a file it
cannot parse, or changed something on a second run.

Options:
  --quick          a small deterministic sample (a few files per package) instead of everything
  --only <phase>   only "lint" or only "codemod"
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
  if (values.only !== undefined && values.only !== 'lint' && values.only !== 'codemod') {
    throw new Error(`--only takes "lint" or "codemod", not "${values.only}".`);
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

  if (flags.only !== 'codemod') {
    const indexPath = join(repoRoot, 'dist', 'src', 'index.js');
    const plugin = ((await import(pathToFileURL(indexPath).href)) as { default: LifetimePlugin }).default;
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
    log(`  rule exceptions: ${String(lint.exceptions.length)}`);
    for (const exception of lint.exceptions.slice(0, 20)) {
      log(`    ${exception.file} [${exception.ruleId ?? 'no rule named'}] ${exception.message}\n${exception.stack.replace(/^/gm, '      ')}`);
    }
    log(`  time: ${String(lint.programs)} program(s) built in ${(lint.programMs / 1000).toFixed(1)} s, linting ${(lint.lintMs / 1000).toFixed(1)} s; slowest file ${lint.slowest[0]?.file ?? '-'} ${((lint.slowest[0]?.ms ?? 0) / 1000).toFixed(1)} s`);
    if (lint.exceptions.length > 0) failed = true;
    if (flags.keep) log(`  kept: ${copy.root}`);
    else rmSync(copy.root, { recursive: true, force: true });
  }

  if (flags.only !== 'lint') {
    const transformPath = join(repoRoot, 'dist', 'codemods', 'weak-parent.js');
    const cliPath = join(repoRoot, 'dist', 'src', 'cli.js');
    log('\ncodemod weak-parent');
    if (!existsSync(transformPath) || !existsSync(cliPath)) {
      log(`  skipped: ${existsSync(transformPath) ? '' : 'dist/codemods/weak-parent.js '}${existsSync(cliPath) ? '' : 'dist/src/cli.js '}not built yet`);
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
