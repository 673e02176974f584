#!/usr/bin/env node
// Where does a lifetime rule spend its time? Runs one benchmark lint under `node --cpu-prof` and
// prints the functions of this package (dist/rules, dist/src) by inclusive and self time, so a
// missed target in `npm run bench` can be traced to a file and function.
//   node bench/profile.mjs [--corpus rxjs|generated] [--package NAME] [--classes N]
//                          [--rules base+lifetime|lifetime] [--top N] [--keep DIR]
// --package lints a package of the ecosystem set (scripts/ecosystem/manifest.json) instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'rxjs' },
    package: { type: 'string' },
    classes: { type: 'string', default: '1000' },
    rules: { type: 'string', default: 'base+lifetime' },
    top: { type: 'string', default: '25' },
    keep: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`usage: node bench/profile.mjs [--corpus rxjs|generated] [--package NAME] [--classes N] [--rules SET] [--top N] [--keep DIR]
Profiles one lint (rxjs src/, a generated project of N classes, or with --package a package of the
ecosystem set) with node --cpu-prof and lists
this package's functions by inclusive time. --keep DIR keeps the .cpuprofile (open it in Chrome
DevTools or VS Code).`);
  process.exit(0);
}

let tsconfig;
let pattern;
let cwd = root;
let files;
if (values.package !== undefined) {
  const { createJiti } = await import('jiti');
  const { preparePackage, readManifest } = await createJiti(import.meta.url).import(path.join(root, 'scripts/ecosystem/prepare.ts'));
  const entry = readManifest(path.join(root, 'scripts/ecosystem/manifest.json')).packages.find((candidate) => candidate.name === values.package);
  if (entry === undefined) throw new Error(`${values.package} is not in scripts/ecosystem/manifest.json`);
  const prepared = preparePackage(entry);
  tsconfig = prepared.tsconfigPath;
  cwd = prepared.root;
  pattern = prepared.files.map((file) => path.relative(prepared.root, file).split(path.sep).join('/'));
  if (entry.js === true) files = '**/*.ts,**/*.tsx,**/*.mts,**/*.cts,**/*.js,**/*.jsx,**/*.mjs,**/*.cjs';
} else if (values.corpus === 'rxjs') {
  const { corpusInstall, rxjsProject } = await import('../scripts/lib/corpora.mjs');
  const rxjs = rxjsProject(corpusInstall(['rxjs', 'three']));
  ({ tsconfig, pattern } = rxjs);
  cwd = rxjs.root;
} else if (values.corpus === 'generated') {
  const { generateProject } = await import('./generate.mjs');
  const made = generateProject({ classes: Number(values.classes), outDir: path.join(root, 'bench/generated', `classes-${values.classes}`) });
  tsconfig = path.relative(root, made.tsconfig);
  pattern = `${path.relative(root, made.outDir)}/src/**/*.ts`;
} else {
  throw new Error(`--corpus must be rxjs or generated, not ${values.corpus}`);
}

const dir = values.keep === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'lifetime-profile-')) : path.resolve(values.keep);
fs.mkdirSync(dir, { recursive: true });
// A --keep folder may hold profiles of earlier runs: read the one this run writes.
const before = new Set(fs.readdirSync(dir));
const run = spawnSync(
  process.execPath,
  [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    'bench/lint-child.mjs',
    '--cwd', cwd,
    '--tsconfig', tsconfig,
    '--rules', values.rules,
    ...(files === undefined ? [] : ['--files', files]),
    ...[pattern].flat().flatMap((item) => ['--pattern', item]),
  ],
  { cwd: root, encoding: 'utf8' },
);
if (run.status !== 0) throw new Error(`the profiled lint failed:\n${run.stderr}`);
const figures = JSON.parse(run.stdout.trim().split('\n').at(-1));
const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile') && !before.has(f));
if (file === undefined) throw new Error('node wrote no .cpuprofile');
const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

// Self time per node from the sample stream; inclusive time by walking each sample's stack once.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const distUrl = pathToFileURL(path.join(root, 'dist')).href;
const ours = (node) => node.callFrame.url.startsWith(distUrl);
const key = (node) => `${node.callFrame.functionName || '(anonymous)'}  ${path.relative(root, fileURLToPath(node.callFrame.url))}:${String(node.callFrame.lineNumber + 1)}`;
const self = new Map();
const inclusive = new Map();
let totalUs = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  totalUs += dt;
  let node = byId.get(id);
  if (node !== undefined && ours(node)) self.set(key(node), (self.get(key(node)) ?? 0) + dt);
  const seen = new Set();
  while (node !== undefined) {
    if (ours(node)) {
      const k = key(node);
      if (!seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      }
    }
    node = byId.get(parent.get(node.id));
  }
});

const top = Number(values.top);
const ms = (us) => (us / 1000).toFixed(1).padStart(9);
console.log(`profiled lint: ${values.package ?? pattern} (${String(figures.files)} files), ${values.rules}; lint ${figures.lintMs.toFixed(0)} ms, profile ${(totalUs / 1000).toFixed(0)} ms`);
for (const [id, t] of Object.entries(figures.rules).filter(([id]) => id.startsWith('lifetime/'))) {
  console.log(`  --stats ${id}: ${t.toFixed(1)} ms`);
}
console.log(`\n${'incl ms'.padStart(9)} ${'self ms'.padStart(9)}  function (this package only)`);
for (const [k, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${ms(t)} ${ms(self.get(k) ?? 0)}  ${k}`);
}
if (values.keep === undefined) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`\nprofile kept in ${path.relative(process.cwd(), path.join(dir, file))}`);
