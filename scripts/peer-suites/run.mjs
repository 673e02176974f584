#!/usr/bin/env node
// `npm run peer-suites`: the weak-parent codemod on published projects that ship their own test
// suites. For each project: fetch it (npm pack, into the cache of scripts/lib/package-cache.mjs),
// install its dev dependencies there once, run its tests, type-check and formatter check, run the
// codemod, run them all again, run the codemod a second time (it must change nothing), and print
// the before/after figures. Nothing fetched is committed or installed into this repository.
// Not part of `npm test` (minutes, and it needs the registry); figures go to
// docs/codemods/weak-parent.md. Run `node scripts/peer-suites/run.mjs --help` for the flags.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { cacheRoot, fetchPackage } from '../lib/package-cache.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = join(root, 'dist/cli/index.js');

/**
 * The projects. `paths` are rewritten; `checks` are the project's own commands, run in its
 * folder with its own dev dependencies; `count` reads "N passing"-style figures from the output.
 */
export const PROJECTS = [
  {
    name: 'svgdom',
    version: '0.1.25',
    kind: 'DOM-like tree, JavaScript only (ES classes), mocha + prettier',
    fields: 'parentNode',
    paths: ['src'],
    checks: {
      tests: { command: ['npx', 'mocha'], count: /(\d+) passing/ },
      format: { command: ['npx', 'prettier', 'src', 'test', '--check'] },
    },
  },
];

/** Codemod settings each project is run with; the first is the default. */
const MODES = [
  { name: 'default', flags: [] },
  { name: 'accessor=own', flags: ['--accessor=own'] },
  { name: 'on-collected=undefined', flags: ['--on-collected=undefined'] },
];

const HELP = `usage: npm run peer-suites -- [options]

Runs the weak-parent codemod on published projects with their own tests (${PROJECTS.map((p) => `${p.name}@${p.version}`).join(', ')}),
in each mode (${MODES.map((m) => m.name).join(', ')}), and prints before/after figures.

Options:
  --only NAME     one project
  --modes LIST    comma-separated mode names (default: all)
  --json FILE     also write the figures as JSON
  --keep          keep the rewritten copies (their folders are printed)
  -h, --help      this text
`;

function run(command, args, cwd) {
  const started = performance.now();
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: child.status, output: `${child.stdout ?? ''}${child.stderr ?? ''}`, ms: Math.round(performance.now() - started) };
}

function log(line) {
  process.stderr.write(`[peer-suites] ${line}\n`);
}

/** The project with its dev dependencies installed, once per version, in the cache. */
function installed(project) {
  const dir = join(cacheRoot(), 'peer-suites', `${project.name}@${project.version}`);
  if (existsSync(join(dir, '.installed'))) return dir;
  const unpacked = fetchPackage(project.name, project.version, { log });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(unpacked, dir, { recursive: true });
  log(`installing the dev dependencies of ${project.name}@${project.version} (once)`);
  const install = run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'], dir);
  if (install.status !== 0) throw new Error(`npm install failed in ${dir}:\n${install.output.slice(-3000)}`);
  writeFileSync(join(dir, '.installed'), `${new Date().toISOString()}\n`);
  return dir;
}

/** A fresh copy of the project's files, sharing the installed node_modules. */
function workingCopy(project, mode) {
  const base = installed(project);
  const dir = join(cacheRoot(), 'peer-suites', 'work', `${project.name}@${project.version}`, mode.name.replace(/[^\w.-]+/g, '_'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(base, dir, { recursive: true, filter: (source) => !source.startsWith(join(base, 'node_modules')) });
  symlinkSync(join(base, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function runChecks(project, dir) {
  const results = {};
  for (const [name, check] of Object.entries(project.checks)) {
    const [command, ...args] = check.command;
    const result = run(command, args, dir);
    const counted = check.count ? check.count.exec(result.output) : null;
    results[name] = { passed: result.status === 0, count: counted ? Number(counted[1]) : null, ms: result.ms };
    if (result.status !== 0) results[name].tail = result.output.trim().split('\n').slice(-15).join('\n');
  }
  return results;
}

function codemod(project, dir, mode) {
  const report = join(dir, '.weak-parent-report.json');
  const result = run(process.execPath, [cli, 'weak-parent', `--fields=${project.fields}`, '--json', report, ...mode.flags, ...project.paths], dir);
  const json = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : null;
  return {
    status: result.status,
    totals: json?.totals ?? null,
    notices: (json?.files ?? []).flatMap((file) => file.reasons.filter((reason) => reason.kind !== 'skipped').map((reason) => `${file.file}:${String(reason.line ?? '')}: ${reason.message}`)),
    output: result.output,
  };
}

function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      modes: { type: 'string' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!existsSync(cli)) {
    process.stderr.write('peer-suites: dist/cli/index.js is missing; run npm run build first\n');
    return 2;
  }
  const projects = PROJECTS.filter((project) => values.only === undefined || project.name === values.only);
  const modes = values.modes === undefined ? MODES : MODES.filter((mode) => values.modes.split(',').includes(mode.name));
  if (projects.length === 0 || modes.length === 0) {
    process.stderr.write('peer-suites: no such project or mode (see --help)\n');
    return 2;
  }
  const figures = [];
  let failures = 0;
  for (const project of projects) {
    for (const mode of modes) {
      log(`${project.name}@${project.version}, ${mode.name}`);
      const dir = workingCopy(project, mode);
      const before = runChecks(project, dir);
      const first = codemod(project, dir, mode);
      const after = runChecks(project, dir);
      const second = codemod(project, dir, mode);
      const rewritten = first.totals?.changed ?? 0;
      const ok =
        first.status === 0 &&
        second.status === 0 &&
        (second.totals?.changed ?? -1) === 0 &&
        Object.entries(after).every(([name, result]) => result.passed || !before[name]?.passed);
      if (!ok) failures += 1;
      figures.push({ project: `${project.name}@${project.version}`, kind: project.kind, mode: mode.name, before, codemod: first.totals, notices: first.notices, after, secondRun: second.totals, rewritten, ok });
      if (!values.keep) rmSync(dir, { recursive: true, force: true });
      else log(`kept ${dir}`);
    }
  }
  const cell = (check) => (check === undefined ? 'n/a' : `${check.passed ? 'pass' : 'FAIL'}${check.count === null ? '' : ` (${String(check.count)})`}`);
  const lines = ['project | mode | files changed | tests before → after | format before → after | second run changed | verdict', '--- | --- | ---: | --- | --- | ---: | ---'];
  for (const f of figures) {
    lines.push(
      `${f.project} | ${f.mode} | ${String(f.codemod?.changed ?? 'n/a')} | ${cell(f.before.tests)} → ${cell(f.after.tests)} | ${cell(f.before.format)} → ${cell(f.after.format)} | ${String(f.secondRun?.changed ?? 'n/a')} | ${f.ok ? 'ok' : 'FAILED'}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const f of figures.filter((entry) => entry.mode === 'default')) {
    process.stdout.write(`\n${f.project}: what the codemod said\n${f.notices.map((line) => `  ${line}`).join('\n')}\n`);
    for (const [name, check] of Object.entries(f.after)) if (!check.passed) process.stdout.write(`\n${name} after the rewrite:\n${check.tail ?? ''}\n`);
  }
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
