#!/usr/bin/env node
// The WeakRef cost that the weak-parent docs warn about, in its own process (node --expose-gc):
// `new WeakRef(t)` and every `t = ref.deref()` add `t` to the agent's KeepDuringJob set, and the
// engine keeps everything in that set alive until the current synchronous job ends. A batch that
// builds and drops many trees without yielding keeps all of them, even after a forced GC.
//
//   node --expose-gc bench/leak-lab/keep-during-job.mjs --weak-tree-node <file> --trees 20
//
// Prints one JSON object: heap used after a forced GC, (1) with the strong class at the end of a
// synchronous batch, (2) with the codemod's class at the end of a synchronous batch, (3) with
// the codemod's class after the batch's job has ended, (4) with the codemod's class when the
// batch yields to the event loop after each tree.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { TreeNode as StrongTreeNode } from './tree-node.mjs';

const MiB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    'weak-tree-node': { type: 'string' },
    trees: { type: 'string', default: '20' },
    children: { type: 'string', default: '7' },
    'payload-mib': { type: 'string', default: '1' },
  },
});
if (typeof globalThis.gc !== 'function') throw new Error('leak-lab: run node with --expose-gc');
if (values['weak-tree-node'] === undefined) throw new Error('leak-lab: --weak-tree-node <file> is required');
const { TreeNode: WeakTreeNode } = await import(pathToFileURL(values['weak-tree-node']).href);
const trees = Number(values.trees);
const children = Number(values.children);
const payloadBytes = Number(values['payload-mib']) * MiB;

/** Builds a tree, reads every child's parent once (as a walk would), and drops it all. */
function buildAndDrop(TreeNode, index) {
  const parent = new TreeNode(`parent ${String(index)}`, payloadBytes);
  for (let k = 0; k < children; k++) parent.add(new TreeNode(`child ${String(index)}.${String(k)}`, payloadBytes));
  let seen = 0;
  for (const child of parent.children) if (child.parent === parent) seen += 1;
  return seen;
}

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

async function baseline() {
  await nextTurn();
  return heapAfterGc();
}

const result = { trees, nodesPerTree: children + 1, payloadMiB: payloadBytes / MiB, treeMiB: ((children + 1) * payloadBytes) / MiB };

// (1) strong, synchronous: the dropped trees are unreachable cycles, collected at once.
let base = await baseline();
for (let i = 0; i < trees; i++) buildAndDrop(StrongTreeNode, i);
result.strongSyncMiB = (heapAfterGc() - base) / MiB;

// (2) and (3) weak, synchronous: every parent is in the KeepDuringJob set until the job ends.
base = await baseline();
for (let i = 0; i < trees; i++) buildAndDrop(WeakTreeNode, i);
result.weakSyncMiB = (heapAfterGc() - base) / MiB;
await nextTurn();
result.weakAfterJobMiB = (heapAfterGc() - base) / MiB;

// (4) weak, yielding after each tree: each job keeps one tree at most.
base = await baseline();
let peak = 0;
for (let i = 0; i < trees; i++) {
  buildAndDrop(WeakTreeNode, i);
  peak = Math.max(peak, heapAfterGc() - base);
  await nextTurn();
}
result.weakYieldingPeakMiB = peak / MiB;
process.stdout.write(`${JSON.stringify(result)}\n`);
