/**
 * `npm run ecosystem`: every rule of the built plugin over a pinned set of published packages,
 * each finding matched to a committed label, printed as a precision table. See docs/ecosystem.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import type { LifetimePlugin } from '../../src/index.js';
import {
  checkLabels,
  formatLabelFile,
  type Finding,
  type KnownMiss,
  type Label,
  matchKnownMisses,
  matchLabels,
  precisionTable,
  totalRow,
  updateLabels,
} from './labels.js';
import type { PackageRun } from './lint-package.js';
import { type ManifestEntry, preparePackage, readManifest } from './prepare.js';
import { markdownTables, printReport, type Report } from './report.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const here = join(repoRoot, 'scripts/ecosystem');
export const MANIFEST = join(here, 'manifest.json');
export const LABELS = join(here, 'labels.json');
export const MISSES = join(here, 'known-misses.json');

const HELP = `Usage: npm run ecosystem -- [options]      (or: jiti scripts/ecosystem/run.ts, after npm run build)

Lints every package of scripts/ecosystem/manifest.json (fetched into the package cache) with
every rule of dist/'s configs.all and real type information, file by file, and prints per rule
the findings, their labels from scripts/ecosystem/labels.json and the precision, every finding
without a verdict in full, labels that vanished, known misses, crashes and timings.
Exit code 1 when a rule threw or a package could not be linted, 2 on bad arguments or a bad
label file.

Options:
  --package <name>   only this package (repeatable)
  --rule <name>      only this rule, with or without the lifetime/ prefix (repeatable)
  --update           add every unlabelled finding to labels.json as "unjudged" (never a verdict)
  --drop-vanished    with --update: also remove labels that match no finding (they are listed)
  --json <file>      also write everything as JSON
  --jobs <n>         packages linted at once, each in its own process (default 2)
  --markdown         also print the package and precision tables as Markdown (docs/ecosystem.md)
  --help             this text
`;

interface Options {
  packages: string[];
  rules: string[];
  update: boolean;
  dropVanished: boolean;
  json: string | undefined;
  jobs: number;
  markdown: boolean;
}

function parseOptions(): Options | undefined {
  const { values } = parseArgs({
    options: {
      package: { type: 'string', multiple: true, default: [] },
      rule: { type: 'string', multiple: true, default: [] },
      update: { type: 'boolean', default: false },
      'drop-vanished': { type: 'boolean', default: false },
      json: { type: 'string' },
      jobs: { type: 'string', default: String(Math.min(2, cpus().length)) },
      markdown: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return undefined;
  }
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs needs a positive integer, not ${values.jobs}`);
  if (values['drop-vanished'] && !values.update) throw new Error('--drop-vanished only works with --update');
  return {
    packages: values.package,
    rules: values.rule.map((rule) => rule.replace(/^lifetime\//, '')),
    update: values.update,
    dropVanished: values['drop-vanished'],
    json: values.json,
    jobs,
    markdown: values.markdown,
  };
}

function log(message: string): void {
  process.stderr.write(`[ecosystem ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function lintInChild(entry: ManifestEntry, work: string, index: number): Promise<PackageRun> {
  const out = join(work, `${String(index)}.json`);
  const args = [
    join(repoRoot, 'node_modules/jiti/lib/jiti-cli.mjs'),
    join(here, 'child.ts'),
    '--package', entry.name, '--out', out, '--root', repoRoot, '--manifest', MANIFEST,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && existsSync(out)) resolve(JSON.parse(readFileSync(out, 'utf8')) as PackageRun);
      else reject(new Error(`exit ${String(code)}: ${stderr.trim().split('\n').slice(-12).join('\n')}`));
    });
  });
}

async function lintAll(entries: ManifestEntry[], jobs: number): Promise<{ runs: PackageRun[]; failures: { package: string; message: string }[] }> {
  const work = mkdtempSync(join(tmpdir(), 'lifetime-ecosystem-'));
  const runs: PackageRun[] = [];
  const failures: { package: string; message: string }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let entry = entries[next]; entry !== undefined; entry = entries[next]) {
      const index = next++;
      const started = performance.now();
      try {
        const run = await lintInChild(entry, work, index);
        runs.push(run);
        log(`${entry.name}: ${String(run.files)} files, ${String(run.findings.length)} findings, ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        failures.push({ package: entry.name, message: error instanceof Error ? error.message : String(error) });
        log(`${entry.name}: FAILED`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, entries.length) }, worker));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const order = new Map(entries.map((entry, index) => [entry.name, index]));
  runs.sort((a, b) => (order.get(a.package) ?? 0) - (order.get(b.package) ?? 0));
  return { runs, failures };
}

function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

async function main(): Promise<number> {
  let options: Options | undefined;
  try {
    options = parseOptions();
  } catch (error) {
    console.error(`ecosystem: ${error instanceof Error ? error.message : String(error)} (see --help)`);
    return 2;
  }
  if (options === undefined) return 0;
  const started = performance.now();
  const manifest = readManifest(MANIFEST);
  const unknown = options.packages.filter((name) => !manifest.packages.some((entry) => entry.name === name));
  if (unknown.length > 0) {
    console.error(`ecosystem: not in the manifest: ${unknown.join(', ')}`);
    return 2;
  }
  const entries = manifest.packages.filter((entry) => options.packages.length === 0 || options.packages.includes(entry.name));
  const distIndex = join(repoRoot, 'dist/src/index.js');
  if (!existsSync(distIndex)) {
    console.error('ecosystem: dist/ is missing; run npm run build (npm run ecosystem does)');
    return 2;
  }
  const plugin = ((await import(pathToFileURL(distIndex).href)) as { default: LifetimePlugin }).default;
  const allRules = Object.keys(plugin.configs.all.rules).map((id) => id.replace(/^lifetime\//, ''));
  const badRules = options.rules.filter((rule) => !allRules.includes(rule));
  if (badRules.length > 0) {
    console.error(`ecosystem: not a rule of configs.all: ${badRules.join(', ')} (rules: ${allRules.join(', ')})`);
    return 2;
  }
  const rules = options.rules.length === 0 ? allRules : options.rules;
  const labelFile = readJson<{ labels: Label[] }>(LABELS, { labels: [] });
  const problems = checkLabels(labelFile.labels);
  if (problems.length > 0) {
    console.error(`ecosystem: ${LABELS} has problems:\n  ${problems.join('\n  ')}`);
    return 2;
  }
  const misses = readJson<{ misses: KnownMiss[] }>(MISSES, { misses: [] }).misses;

  // Fetching and installing run here, one package at a time (npm's cache is shared).
  let prepareMs = 0;
  for (const entry of entries) prepareMs += preparePackage(entry, log).prepareMs;
  if (prepareMs > 0) log(`fetching and installing took ${(prepareMs / 1000).toFixed(1)} s (a warm cache skips this)`);

  const { runs, failures } = await lintAll(entries, options.jobs);
  const inScope = (item: { package: string; rule: string }): boolean =>
    entries.some((entry) => entry.name === item.package) && rules.includes(item.rule);
  const linted = new Set(runs.map((run) => run.package));
  const findings: Finding[] = runs.flatMap((run) => run.findings).filter(inScope);
  // Labels of packages that failed or were filtered out are neither matched nor vanished.
  const scopedLabels = labelFile.labels.filter((label) => inScope(label) && linted.has(label.package));
  const matching = matchLabels(findings, scopedLabels);
  const sources = new Map<string, string | undefined>();
  const sourceOf = (packageName: string, file: string): string | undefined => {
    const key = `${packageName}\0${file}`;
    if (!sources.has(key)) {
      const entry = entries.find((candidate) => candidate.name === packageName);
      const run = runs.find((candidate) => candidate.package === packageName);
      const path = entry === undefined || run === undefined ? undefined : join(preparePackage(entry).root, file);
      sources.set(key, path !== undefined && existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    }
    return sources.get(key);
  };
  const missResults = matchKnownMisses(misses.filter(inScope), findings, sourceOf);
  const rows = precisionTable(matching.matches, rules);
  const report: Report = {
    packages: runs.map((run) => ({ name: run.package, version: run.version, files: run.files, programMs: run.programMs, lintMs: run.lintMs, parseMs: run.parseMs, ruleMs: run.ruleMs, findings: run.findings.filter(inScope).length })),
    rules,
    rows,
    total: totalRow(rows),
    matches: matching.matches,
    vanished: matching.vanished,
    misses: missResults,
    exceptions: runs.flatMap((run) => run.exceptions.map((exception) => ({ package: run.package, ...exception }))),
    parseErrors: runs.flatMap((run) => run.parseErrors.map((error) => ({ package: run.package, ...error }))),
    failures,
    prepareMs,
    seconds: (performance.now() - started) / 1000,
  };
  printReport(report);
  if (options.markdown) console.log(`\n${markdownTables(report, new Map(entries.map((entry) => [entry.name, entry.categories])))}`);

  if (options.update) {
    const update = updateLabels(labelFile.labels, matching, { dropVanished: options.dropVanished });
    writeFileSync(LABELS, formatLabelFile(update.labels));
    console.log(`\n--update: ${String(update.added.length)} findings added as unjudged, ${String(update.dropped.length)} vanished labels dropped${update.dropped.length > 0 ? ':' : ''}`);
    for (const label of update.dropped) console.log(`  - ${label.package} ${label.file} ${label.rule} "${label.text}" (${label.verdict})`);
  }
  if (options.json !== undefined) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  return report.exceptions.length > 0 || failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
