// The editor path: what the VS Code ESLint extension does on each keystroke. One file of the
// corpus is linted with ESLint#lintText after the TypeScript program is warm, each time with a
// small edit so typescript-eslint has to update the program, alternately by an ESLint instance
// without and one with lifetime.configs.all (both share typescript-eslint's program cache, as
// an editor's single ESLint server would). Prints one JSON line with every sample.
//   node bench/editor-child.mjs --tsconfig T --file F [--cwd DIR] [--iterations N] [--warmup N]
// F is relative to DIR, the folder ESLint runs in (default: the repository root).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';

import { lintConfig, lifetimeRuleIds, root } from './lint-configs.mjs';

const { values } = parseArgs({
  options: {
    tsconfig: { type: 'string' },
    file: { type: 'string' },
    cwd: { type: 'string' },
    iterations: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
  },
});
if (values.tsconfig === undefined || values.file === undefined) {
  throw new Error('editor-child needs --tsconfig and --file');
}
const cwd = path.resolve(values.cwd ?? root);
const filePath = path.resolve(cwd, values.file);
const original = fs.readFileSync(filePath, 'utf8');
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);

function instance(rules) {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: lintConfig({ tsconfig: values.tsconfig, rules }),
    stats: true,
  });
}
const variants = { without: instance('base'), with: instance('base+lifetime') };
const ours = new Set(lifetimeRuleIds);

let edit = 0;
async function lintOnce(eslint) {
  // A new trailing comment per call: a real change of the file's text, as typing makes.
  const text = `${original}\n// edit ${String(++edit)}\n`;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const [result] = await eslint.lintText(text, { filePath });
  const ms = performance.now() - start;
  // CPU time of the process (all threads): less disturbed than wall time on a busy machine.
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (result === undefined) throw new Error(`${values.file} was not linted (ignored?)`);
  const fatal = result.messages.find((message) => message.fatal === true);
  if (fatal !== undefined) throw new Error(`${values.file}: ${fatal.message}`);
  let oursMs = 0;
  for (const pass of result.stats?.times.passes ?? []) {
    for (const [id, time] of Object.entries(pass.rules ?? {})) if (ours.has(id)) oursMs += time.total;
  }
  return { ms, cpuMs, oursMs };
}

// The very first call builds the TypeScript program: what an editor user waits for when a file
// of the project is opened for the first time.
const first = await lintOnce(variants.without);
for (let i = 0; i < warmup; i++) {
  if (i > 0) await lintOnce(variants.without);
  await lintOnce(variants.with);
}
const samples = { without: [], with: [], withoutCpu: [], withCpu: [], oursMs: [] };
for (let i = 0; i < iterations; i++) {
  // Alternate which variant goes first so neither always follows the other.
  const order = i % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
  for (const name of order) {
    const { ms, cpuMs, oursMs } = await lintOnce(variants[name]);
    samples[name].push(ms);
    samples[`${name}Cpu`].push(cpuMs);
    if (name === 'with') samples.oursMs.push(oursMs);
  }
}
process.stdout.write(`${JSON.stringify({ file: values.file, lines: original.split('\n').length, firstMs: first.ms, ...samples })}\n`);
