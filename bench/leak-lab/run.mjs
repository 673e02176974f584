#!/usr/bin/env node
// npm run leak-lab — the seed's parent/child memory experiment and the finalizer facts the
// rules stand on, measured in Node. Every experiment runs in its own child process with
// --expose-gc, so that one heap does not blur another.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';


const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');
const MiB = 1024 * 1024;

const HELP = `Usage: npm run leak-lab -- [options]
       node --expose-gc bench/leak-lab/run.mjs [options]

Runs the parent/child loop in three variants and prints the heap used after a forced GC per
iteration: (a) strong parent, nothing retained; (b) strong parent, the first child of every
tree kept in a cache; (c) the same class after the weak-parent codemod (WeakRef parent), same
cache. Then shows that a WeakRef keeps its target alive until the synchronous job ends (a batch
that builds and drops trees keeps them all until it yields), and the FinalizationRegistry facts: a throwing cleanup callback ends the process,
a held value that references its target is never finalized, and file descriptors released in
a finalizer stay open where \`using\` closes them.

Options:
  --payload-mib <n>   payload per node in MiB (default 16; fractions allowed)
  --iterations <n>    loop iterations per variant (default 10)
  --children <n>      children per parent; a tree has n + 1 nodes (default 7)
  --fd-count <n>      files opened in the descriptor experiment (default 1000)
  --held-count <n>    targets registered in the held-value experiment (default 100)
  --batch-trees <n>   trees built in one synchronous batch in the KeepDuringJob experiment
                      (default 20; payload per node there is --payload-mib / 16)
  --part <name>       all | memory | finalizers (default all)
  --svg <path>        where to write the SVG chart (default docs/leak-lab.svg)
  --no-svg            do not write the SVG
  --no-chart          no terminal chart
  --show-codemod      print the class the weak-parent codemod produced for variant (c)
  --json              print one JSON object instead of tables (implies --no-chart)
  -h, --help          this text

Environment: LEAK_LAB_CODEMOD=<module> uses another weak-parent transform for variant (c).`;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'payload-mib': { type: 'string', default: '16' },
      iterations: { type: 'string', default: '10' },
      children: { type: 'string', default: '7' },
      'fd-count': { type: 'string', default: '1000' },
      'held-count': { type: 'string', default: '100' },
      'batch-trees': { type: 'string', default: '20' },
      part: { type: 'string', default: 'all' },
      svg: { type: 'string', default: 'docs/leak-lab.svg' },
      'no-svg': { type: 'boolean', default: false },
      'no-chart': { type: 'boolean', default: false },
      'show-codemod': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const number = (name, { min, integer }) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
      throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got ${values[name]}`);
    }
    return value;
  };
  if (!['all', 'memory', 'finalizers'].includes(values.part)) {
    throw new Error(`--part must be all, memory or finalizers, got ${values.part}`);
  }
  return {
    help: values.help,
    payloadMiB: number('payload-mib', { min: 0.001, integer: false }),
    iterations: number('iterations', { min: 1, integer: true }),
    children: number('children', { min: 1, integer: true }),
    fdCount: number('fd-count', { min: 1, integer: true }),
    heldCount: number('held-count', { min: 1, integer: true }),
    batchTrees: number('batch-trees', { min: 2, integer: true }),
    part: values.part,
    svg: values['no-svg'] ? null : isAbsolute(values.svg) ? values.svg : resolve(process.cwd(), values.svg),
    chart: !values['no-chart'] && !values.json,
    showCodemod: values['show-codemod'],
    json: values.json,
  };
}

function runNode(script, args) {
  const result = spawnSync(process.execPath, ['--expose-gc', join(here, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
  });
  if (result.error) throw result.error;
  return result;
}

function runJson(script, args) {
  const result = runNode(script, args);
  if (result.status !== 0) {
    throw new Error(`leak-lab: ${script} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
  }
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

async function runMemory(options) {
  const dir = mkdtempSync(join(tmpdir(), 'leak-lab-'));
  try {
    // Loaded on demand: jscodeshift (and jiti) are only needed for the memory part.
    const { writeWeakTreeNode } = await import('./codemod.mjs');
    const weak = await writeWeakTreeNode(dir);
    const results = {};
    const keepDuringJob = runJson('keep-during-job.mjs', [
      '--weak-tree-node', weak.file,
      '--trees', String(options.batchTrees),
      '--children', String(options.children),
      '--payload-mib', String(options.payloadMiB / 16),
    ]);
    for (const variant of ['a', 'b', 'c']) {
      results[variant] = runJson('loop.mjs', [
        '--variant', variant,
        '--payload-mib', String(options.payloadMiB),
        '--iterations', String(options.iterations),
        '--children', String(options.children),
        ...(variant === 'c' ? ['--weak-tree-node', weak.file, '--codemod-from', weak.from] : []),
      ]);
    }
    return { results, keepDuringJob };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runFinalizers(options) {
  const throwing = {};
  for (const form of ['throw', 'async-reject', 'try-catch']) {
    const result = runNode('throwing-finalizer.mjs', ['--form', form]);
    const errorLine = result.stderr.split('\n').find((line) => /^\w*Error\b/.test(line)) ?? null;
    const last = result.stdout.trim().split('\n').at(-1);
    throwing[form] = {
      exitCode: result.status,
      signal: result.signal,
      error: errorLine,
      report: last ? JSON.parse(last) : null,
    };
  }
  const held = runJson('held-value.mjs', ['--count', String(options.heldCount)]);
  const descriptors = {
    finalizer: runJson('fd.mjs', ['--form', 'finalizer', '--count', String(options.fdCount)]),
    using: runJson('fd.mjs', ['--form', 'using', '--count', String(options.fdCount)]),
  };
  return { throwing, held, descriptors };
}

function mib(bytes, sign = false) {
  const rounded = Math.round((bytes / MiB) * 10) / 10 || 0; // no "-0.0"
  return `${sign && rounded >= 0 ? '+' : ''}${rounded.toFixed(1)} MiB`;
}

function memoryTable(result) {
  const header = 'Iteration    Mem usage     Increment   Cached children';
  const lines = [header, '='.repeat(header.length)];
  lines.push(`${'baseline'.padStart(9)}  ${mib(result.baseline).padStart(11)}`);
  for (const row of result.rows) {
    lines.push(
      `${String(row.iteration).padStart(9)}  ${mib(row.heapUsed).padStart(11)}  ${mib(row.increment, true).padStart(12)}  ${String(row.cached).padStart(16)}`,
    );
  }
  return lines.join('\n');
}

function explainVariant(result, options) {
  const perNode = options.payloadMiB;
  const tree = perNode * (options.children + 1);
  const average = result.growth / result.rows.length / MiB;
  switch (result.variant) {
    case 'a':
      return (
        `Flat (${mib(result.growth, true)} over the run): once an iteration ends, its tree is an ` +
        'unreachable parent<->child cycle, and the garbage collector collects cycles. A strong ' +
        'back reference alone is not a leak in JavaScript.'
      );
    case 'b':
      return (
        `Grows ${average.toFixed(1)} MiB per iteration (expected ${tree} MiB: the parent and all ` +
        `${options.children} children). The cached child's strong .parent keeps its parent alive, ` +
        `and the parent keeps every sibling. Reading .parent on the first cached child: ` +
        `${result.parentRead?.threw ? `${result.parentRead.errorName}` : `"${result.parentRead?.value}" (alive)`}.`
      );
    case 'c':
      return (
        `Grows ${average.toFixed(1)} MiB per iteration (expected ${perNode} MiB: the cached child ` +
        'only). The WeakRef back reference lets each tree die while its child is still cached. ' +
        `While the parent lived, child.parent returned it: ${result.parentWhileAlive ? 'yes' : 'NO'}. ` +
        'Reading .parent on the first cached child after the loop: ' +
        (result.parentRead?.threw
          ? `${result.parentRead.errorName}: ${result.parentRead.message.replace(/\.$/u, '')}`
          : `no error (${result.parentRead?.value})`) +
        `.\nClass produced at run time from tree-node.mjs by ${result.codemod?.from}.`
      );
    default:
      return '';
  }
}

function describeFinalizers(f, options) {
  const lines = [];
  lines.push('1. A FinalizationRegistry cleanup callback that throws (each form in its own process):');
  for (const [form, r] of Object.entries(f.throwing)) {
    const what =
      r.exitCode === 0
        ? `survived; callback ran ${r.report?.callbackRuns ?? '?'} time(s) and caught ${r.report?.caught ?? 'nothing'}`
        : `process ended${r.error ? ` with ${r.error}` : ''}`;
    lines.push(`   ${form.padEnd(13)} exit code ${r.exitCode ?? r.signal}  ${what}`);
  }
  const h = f.held;
  lines.push(
    `2. register(target, held) with ${h.count} dropped targets each, after forced GCs:`,
    `   held value references the target  ${String(h.finalized.referencesTarget).padStart(5)} of ${h.count} finalized`,
    `   held value does not               ${String(h.finalized.separate).padStart(5)} of ${h.count} finalized`,
    `   held === target                   ${h.heldIsTarget.threw ? `throws ${h.heldIsTarget.errorName}: ${h.heldIsTarget.message}` : 'accepted'}`,
  );
  const d = f.descriptors;
  if (!d.finalizer.supported) {
    lines.push('3. Descriptor counts need /proc/self/fd (Linux); skipped.');
  } else {
    lines.push(
      `3. ${options.fdCount} files opened through an owner object, one per event-loop turn; descriptors still open:`,
      '   form                               after owners dropped   after forced GC',
      `   closed in a finalizer              ${String(d.finalizer.openAfterLoop).padStart(20)}   ${String(d.finalizer.openAfterGc).padStart(15)}`,
      `   [Symbol.dispose]() with \`using\`    ${String(d.using.openAfterLoop).padStart(20)}   ${String(d.using.openAfterGc).padStart(15)}`,
      `   (\`using\` compiled by ${d.using.compiled?.by}; lowered to try/finally: ${d.using.compiled?.usingLowered ? 'yes' : 'no'})`,
      '   The finalizer form closes files only when the GC happens to run (here: forced); the',
      '   `using` form closes each file when its block is left.',
    );
  }
  return lines.join('\n');
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n\n${HELP}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(HELP);
    return;
  }
  const machine = { node: process.version, cpus: availableParallelism(), platform: `${process.platform}-${process.arch}` };
  const out = { machine, options: { ...options, svg: options.svg && relative(root, options.svg) } };
  const say = (text = '') => {
    if (!options.json) console.log(text);
  };

  say(
    `Leak lab: Node ${machine.node}, ${machine.cpus} CPUs, ${machine.platform}\n` +
      'Figure: process.memoryUsage().heapUsed after two forced full GCs. The payload is an array ' +
      'of doubles\non the V8 heap, so it counts in heapUsed (ArrayBuffers would count in ' +
      '`external` instead).',
  );

  if (options.part !== 'finalizers') {
    const nodes = options.children + 1;
    say(
      `\n== Parent/child loop: ${options.iterations} iterations, one tree per iteration ` +
        `(1 parent + ${options.children} children), ${options.payloadMiB} MiB payload per node ` +
        `(${options.payloadMiB * nodes} MiB per tree)`,
    );
    const { results, keepDuringJob } = await runMemory(options);
    out.memory = results;
    out.keepDuringJob = keepDuringJob;
    for (const result of Object.values(results)) {
      say(`\n(${result.variant}) ${result.description}\n`);
      say(memoryTable(result));
      say(`\n${explainVariant(result, options)}`);
      if (result.variant === 'c' && options.showCodemod) say(`\n${result.codemod.source}`);
    }
    const ratio = results.c.growth > 0 ? results.b.growth / results.c.growth : Infinity;
    out.summary = {
      growthMiB: Object.fromEntries(Object.entries(results).map(([v, r]) => [v, r.growth / MiB])),
      bOverC: ratio,
    };
    say(
      `\nGrowth over the run: (a) ${mib(results.a.growth, true)}, (b) ${mib(results.b.growth, true)}, ` +
        `(c) ${mib(results.c.growth, true)}; (b) grew ${ratio.toFixed(1)}x as much as (c).`,
    );
    const { terminalChart, writeSvg } = options.chart || options.svg ? await import('./chart.mjs') : {};
    if (options.chart) {
      say(`\n${terminalChart(results, { color: process.stdout.isTTY && !process.env.NO_COLOR })}`);
    }
    const k = keepDuringJob;
    say(
      `\n== WeakRef targets stay alive until the synchronous job ends\n\n` +
        `${k.trees} trees of ${k.nodesPerTree} nodes (${k.payloadMiB} MiB each, ${k.treeMiB} MiB per tree), each built, ` +
        'walked once (child.parent) and dropped; heap used after a forced GC:\n' +
        `   strong parent, synchronous batch, GC before the job ends   ${mib(k.strongSyncMiB * MiB, true).padStart(12)}\n` +
        `   WeakRef parent, synchronous batch, GC before the job ends  ${mib(k.weakSyncMiB * MiB, true).padStart(12)}\n` +
        `   WeakRef parent, same batch, GC after the job ended         ${mib(k.weakAfterJobMiB * MiB, true).padStart(12)}\n` +
        `   WeakRef parent, yielding after each tree (peak)            ${mib(k.weakYieldingPeakMiB * MiB, true).padStart(12)}\n` +
        'new WeakRef(t) and ref.deref() put t in the KeepDuringJob set: a synchronous batch keeps every\n' +
        'tree it touched until it returns to the event loop, so its peak memory can exceed the strong form.',
    );
    if (options.svg) {
      const subtitle =
        `${options.payloadMiB} MiB per node, ${nodes} nodes per tree, ${options.iterations} iterations; ` +
        `Node ${machine.node}, ${machine.cpus} CPUs`;
      await writeSvg(results, options.svg, subtitle);
      say(`\nSVG chart written to ${relative(process.cwd(), options.svg)}`);
    }
  }

  if (options.part !== 'memory') {
    say('\n== FinalizationRegistry facts\n');
    out.finalizers = runFinalizers(options);
    say(describeFinalizers(out.finalizers, options));
  }

  if (options.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

await main();
