#!/usr/bin/env node
// One variant of the seed's loop in its own process (run with `node --expose-gc`).
// Prints one JSON object on stdout: the heap used after a forced GC, per iteration.
//
//   node --expose-gc bench/leak-lab/loop.mjs --variant b --payload-mib 16 --iterations 10
//
// Each iteration builds a tree: one parent and `--children` children, every node carrying a
// payload of `--payload-mib`. (a) keeps nothing; (b) and (c) keep the first child in a cache
// array, as a selection, a listener list or a memo would. (a) and (b) use tree-node.mjs with
// its strong `parent` field; (c) uses the same source after the weak-parent codemod.
import { readFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { TreeNode as StrongTreeNode } from './tree-node.mjs';

const MiB = 1024 * 1024;

export const VARIANTS = {
  a: 'strong parent, nothing retained',
  b: 'strong parent, one child per iteration cached',
  c: 'WeakRef parent (weak-parent codemod), one child per iteration cached',
};

export async function runVariant({ variant, payloadMiB, iterations, children, weakTreeNode }) {
  if (typeof globalThis.gc !== 'function') throw new Error('leak-lab: run node with --expose-gc');
  if (!(variant in VARIANTS)) throw new Error(`leak-lab: unknown variant ${variant}`);
  let TreeNode = StrongTreeNode;
  let codemod;
  if (variant === 'c' && weakTreeNode) {
    // Already produced by the caller (run.mjs), so this heap never loads jscodeshift and the
    // baseline matches (a) and (b).
    TreeNode = (await import(pathToFileURL(weakTreeNode.file).href)).TreeNode;
    codemod = { from: weakTreeNode.from, source: readFileSync(weakTreeNode.file, 'utf8') };
  } else if (variant === 'c') {
    const weak = await import('./codemod.mjs').then((m) => m.loadWeakTreeNode());
    TreeNode = weak.TreeNode;
    codemod = { from: weak.codemod, source: weak.source };
  }
  const payloadBytes = payloadMiB * MiB;
  const cache = [];
  let parentWhileAlive = true;

  // Builds one tree in its own frame, so that nothing but the returned child can keep it alive.
  const buildTree = (iteration) => {
    const parent = new TreeNode(`parent ${iteration}`, payloadBytes);
    for (let k = 1; k <= children; k++) parent.add(new TreeNode(`child ${iteration}.${k}`, payloadBytes));
    const first = parent.children[0];
    if (first.parent !== parent) parentWhileAlive = false;
    return first;
  };

  const measure = async () => {
    // A WeakRef created (or deref'ed) in this job keeps its target alive until the job ends,
    // so let the event loop turn before collecting.
    await nextTurn();
    globalThis.gc();
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };

  const baseline = await measure();
  const rows = [];
  let previous = baseline;
  for (let i = 1; i <= iterations; i++) {
    // No local binding for the child: a variable that lives across the `await` below could
    // keep the last tree alive in variant (a) and blur the measurement.
    if (variant === 'a') buildTree(i);
    else cache.push(buildTree(i));
    const heapUsed = await measure();
    rows.push({ iteration: i, heapUsed, increment: heapUsed - previous, cached: cache.length });
    previous = heapUsed;
  }

  // What reading `.parent` on the oldest cached child does once the loop is over.
  let parentRead = null;
  if (cache.length > 0) {
    try {
      const parent = cache[0].parent;
      parentRead = { threw: false, value: parent === null || parent === undefined ? String(parent) : parent.name };
    } catch (error) {
      parentRead = { threw: true, errorName: error?.name, message: error?.message };
    }
  }

  return {
    variant,
    description: VARIANTS[variant],
    payloadMiB,
    iterations,
    childrenPerParent: children,
    nodesPerTree: children + 1,
    measure: 'process.memoryUsage().heapUsed after two forced full GCs (global.gc())',
    baseline,
    rows,
    growth: previous - baseline,
    parentWhileAlive,
    parentRead,
    codemod,
    node: process.version,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      variant: { type: 'string' },
      'payload-mib': { type: 'string', default: '16' },
      iterations: { type: 'string', default: '10' },
      children: { type: 'string', default: '7' },
      // For (c): a module the weak-parent codemod already produced, and which transform did.
      'weak-tree-node': { type: 'string' },
      'codemod-from': { type: 'string', default: 'unknown' },
    },
  });
  const result = await runVariant({
    variant: values.variant ?? '',
    payloadMiB: Number(values['payload-mib']),
    iterations: Number(values.iterations),
    children: Number(values.children),
    weakTreeNode: values['weak-tree-node'] && { file: values['weak-tree-node'], from: values['codemod-from'] },
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
