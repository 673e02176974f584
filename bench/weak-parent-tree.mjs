// Child of `npm run bench` section 7 (weak-parent-tree): builds a tree of N nodes with one node
// class, walks up from every leaf to the root, and measures both and the heap the tree keeps.
// Usage: node --expose-gc bench/weak-parent-tree.mjs <module.mjs> <nodes> <rounds>
// Prints one JSON line: medians over the rounds. Each round starts in a fresh job (after a
// timer), since the spec keeps every WeakRef target alive until the current job ends.
import { pathToFileURL } from 'node:url';

const [modulePath, nodesText = '100000', roundsText = '11'] = process.argv.slice(2);
const { Node } = await import(pathToFileURL(modulePath).href);
const nodes = Number(nodesText);
const rounds = Number(roundsText);
const BRANCHING = 8;

/** Breadth first, BRANCHING children per node, through the class's own append(). */
function build() {
  const root = new Node('n0');
  const all = [root];
  for (let next = 0; all.length < nodes; next++) {
    const parent = all[next];
    for (let k = 0; k < BRANCHING && all.length < nodes; k++) all.push(parent.append(new Node(`n${String(all.length)}`)));
  }
  return { root, all };
}

function walkUp(all) {
  let steps = 0;
  for (const node of all) {
    if (node.children.length !== 0) continue;
    for (let current = node; current; current = current.parent) steps += 1;
  }
  return steps;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const buildMs = [];
const walkMs = [];
const heapBytes = [];
const buildCpuMs = [];
const walkCpuMs = [];
let steps = 0;
let tree = null;
for (let round = 0; round < rounds + 1; round++) {
  // Drop the last round's tree first: an async frame keeps its variables until overwritten.
  tree = null;
  await tick();
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  tree = build();
  const built = performance.now();
  const buildCpu = process.cpuUsage(cpuStarted);
  await tick(); // the walk in a job of its own, like a later event that reads the tree
  const walkStarted = performance.now();
  const walkCpuStarted = process.cpuUsage();
  steps = walkUp(tree.all);
  const walked = performance.now();
  const walkCpu = process.cpuUsage(walkCpuStarted);
  globalThis.gc();
  const kept = process.memoryUsage().heapUsed - before;
  if (tree.root.children.length === 0) throw new Error('empty tree');
  // The first round warms the code up and is not counted.
  if (round > 0) {
    buildMs.push(built - started);
    walkMs.push(walked - walkStarted);
    buildCpuMs.push((buildCpu.user + buildCpu.system) / 1000);
    walkCpuMs.push((walkCpu.user + walkCpu.system) / 1000);
    heapBytes.push(kept);
  }
}
process.stdout.write(
  `${JSON.stringify({
    buildMs: median(buildMs),
    walkMs: median(walkMs),
    buildCpuMs: median(buildCpuMs),
    walkCpuMs: median(walkCpuMs),
    heapMB: median(heapBytes) / 2 ** 20,
    steps,
  })}\n`,
);
