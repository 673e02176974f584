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

import { cacheRoot } from '../lib/package-cache.mjs';
import { MissingArchiveError, projectFiles } from './sources.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = join(root, 'dist/cli/index.js');

/**
 * The projects. `source` is absent for a project whose npm tarball carries its tests; otherwise it
 * names the repository, tag and commit of a source archive kept in the package cache (see
 * sources.mjs). `paths` are rewritten; `checks` are the project's own commands, run in its folder
 * with its own dev dependencies (installed from the npm registry); `count` reads "N passing"-style
 * figures from the output; `env` overrides the environment of a check (null removes a variable).
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
  {
    name: 'domhandler',
    version: '6.0.1',
    source: { repository: 'fb55/domhandler', tag: 'v6.0.1', commit: '8f6607116643ed59b44acabe0ec0675adbcbb253' },
    kind: 'DOM-like tree of htmlparser2, TypeScript (isolatedDeclarations), vitest + Biome',
    fields: 'parent',
    paths: ['src'],
    checks: {
      tests: { command: ['npx', 'vitest', 'run'], count: /Tests\s+(?:\d+ failed \| )?(\d+) passed/ },
      types: { command: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'] },
      // `biome check .` would ignore everything here: the cache's folder starts with a dot, and
      // its biome.json excludes `**/.*`.
      format: { command: ['npx', 'biome', 'check', 'src'] },
    },
  },
  {
    name: 'commander',
    version: '14.0.3',
    source: { repository: 'tj/commander.js', tag: 'v14.0.3', commit: '8247364da749736570161e95682b07fc2d72497b' },
    kind: 'CLI framework, JavaScript only (checkJs), command tree through Command.parent, jest + prettier',
    fields: 'parent',
    paths: ['lib'],
    checks: {
      // Its colour tests set NO_COLOR and FORCE_COLOR themselves and fail when they are set already.
      tests: { command: ['npx', 'jest'], count: /Tests:\s+(?:\d+ \w+, )*(\d+) passed/, env: { NO_COLOR: null, FORCE_COLOR: null } },
      types: { command: ['npx', 'tsc', '-p', 'tsconfig.js.json'] },
      format: { command: ['npx', 'prettier', '--check', '.'] },
    },
  },
  {
    name: 'yjs',
    version: '13.6.31',
    source: { repository: 'yjs/yjs', tag: 'v13.6.31', commit: '271330889b13eae102873bb417d6747a0ddd8b4a' },
    kind: 'CRDT library, JavaScript typed with JSDoc (checkJs with strict), Item.parent into the shared-type tree, lib0 tests + standard',
    fields: 'parent',
    paths: ['src'],
    checks: {
      // lib0's runner numbers each test `[n/N]` and fails the process when one fails.
      tests: { command: ['npm', 'test'], count: /\[\d+\/(\d+)\]/ },
      // Its tsconfig sets noEmit with emitDeclarationOnly, which `--noEmit` on the command line rejects (TS5053).
      types: { command: ['npx', 'tsc', '-p', 'tsconfig.json'] },
      format: { command: ['npx', 'standard', 'src'] },
    },
  },
  {
    name: 'inversify',
    version: '6.2.2',
    source: { repository: 'inversify/InversifyJS', tag: 'v6.2.2', commit: 'd24fba8f22002bd5fa17e81fdd008aa148ee0c23' },
    kind: 'DI container with child containers (Container.parent), TypeScript, mocha + prettier',
    fields: 'parent',
    paths: ['src'],
    checks: {
      tests: {
        command: ['npx', 'mocha', '--require', 'ts-node/register', '--require', 'reflect-metadata', '--reporter', 'dot', '--exit', 'src/test/*.test.ts', 'src/test/**/*.test.ts'],
        count: /(\d+) passing/,
      },
      types: { command: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'] },
      format: { command: ['npx', 'prettier', '--check', 'src'] },
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

/** `env` entries override the defaults; an entry set to null removes the variable. */
function run(command, args, cwd, env = {}) {
  const started = performance.now();
  const merged = { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env };
  for (const [name, value] of Object.entries(merged)) if (value === null) delete merged[name];
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: merged });
  return { status: child.status, output: `${child.stdout ?? ''}${child.stderr ?? ''}`, ms: Math.round(performance.now() - started) };
}

function log(line) {
  process.stderr.write(`[peer-suites] ${line}\n`);
}

/** The project with its dev dependencies installed, once per version, in the cache. */
function installed(project) {
  const dir = join(cacheRoot(), 'peer-suites', `${project.name}@${project.version}`);
  if (existsSync(join(dir, '.installed'))) return dir;
  const unpacked = projectFiles(project, { log });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(unpacked, dir, { recursive: true });
  log(`installing the dev dependencies of ${project.name}@${project.version} (once)`);
  // The project's own lockfile where it has one, so its checks run with the versions it tested.
  const locked = existsSync(join(dir, 'package-lock.json'));
  const install = run('npm', [locked ? 'ci' : 'install', '--ignore-scripts', '--no-audit', '--no-fund', ...(locked ? [] : ['--no-package-lock'])], dir);
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
    const result = run(command, args, dir, check.env);
    const counted = check.count ? check.count.exec(result.output) : null;
    results[name] = { passed: result.status === 0, count: counted ? Number(counted[1]) : null, ms: result.ms };
    if (result.status !== 0) results[name].tail = result.output.trim().split('\n').slice(-15).join('\n');
  }
  return results;
}

function codemod(project, dir, mode) {
  // Beside the project, not in it, so that its formatter check never sees the report.
  const report = `${dir}.weak-parent-report.json`;
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
  const skipped = [];
  let failures = 0;
  for (const project of projects) {
    try {
      installed(project);
    } catch (error) {
      if (!(error instanceof MissingArchiveError)) throw error;
      log(error.message);
      skipped.push({ project: `${project.name}@${project.version}`, reason: error.message });
      continue;
    }
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
  const lines = ['project | mode | files changed | tests before → after | types before → after | format before → after | second run changed | verdict', '--- | --- | ---: | --- | --- | --- | ---: | ---'];
  for (const f of figures) {
    lines.push(
      `${f.project} | ${f.mode} | ${String(f.codemod?.changed ?? 'n/a')} | ${cell(f.before.tests)} → ${cell(f.after.tests)} | ${cell(f.before.types)} → ${cell(f.after.types)} | ${cell(f.before.format)} → ${cell(f.after.format)} | ${String(f.secondRun?.changed ?? 'n/a')} | ${f.ok ? 'ok' : 'FAILED'}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const entry of skipped) process.stdout.write(`\n${entry.reason}\n`);
  for (const f of figures.filter((entry) => entry.mode === 'default')) {
    process.stdout.write(`\n${f.project}: what the codemod said\n${f.notices.map((line) => `  ${line}`).join('\n')}\n`);
    for (const [name, check] of Object.entries(f.after)) if (!check.passed) process.stdout.write(`\n${name} after the rewrite:\n${check.tail ?? ''}\n`);
  }
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, figures, skipped }, null, 2)}\n`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
