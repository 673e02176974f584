// The codemod's promise at runtime: while the parent is alive the getter returns it, and once the
// parent is unreachable and collected the getter throws a ReferenceError naming class and field.
// The untransformed module is the control: there the child keeps its parent alive.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import { runWeakParent } from '../codemods/run-weak-parent.js';

const run = promisify(execFile);
const workDir = mkdtempSync(join(tmpdir(), 'weak-parent-runtime-'));

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

const javascriptTree = `export class TreeNode {
  constructor(name, parent) {
    this.name = name;
    this.parent = parent;
    this.children = [];
    if (parent) parent.children.push(this);
  }
}
`;

const typescriptTree = `export class TreeNode {
  parent: TreeNode | null = null;
  readonly children: TreeNode[] = [];

  constructor(public name: string) {}

  add(child: TreeNode): TreeNode {
    child.parent = this;
    this.children.push(child);
    return child;
  }
}

export class Leaf {
  constructor(readonly name: string, private readonly parent?: TreeNode) {}

  owner(): TreeNode | undefined {
    return this.parent;
  }
}
`;

// Builds a small tree, keeps only a child, lets the root go and collects. A WeakRef target read
// in a job stays alive until the job ends, so each collection waits for a fresh macrotask.
const driver = (build: string, read: string): string => `
import * as tree from './tree.mjs';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const result = {};
let root;
let child;
${build}
result.whileAlive = ${read} === root;
result.rootParent = String(root.parent);
root = undefined;
await tick();
result.afterRelease = 'still strong';
for (let round = 0; round < 20; round++) {
  globalThis.gc();
  await tick();
  try {
    const parent = ${read};
    result.afterRelease = parent === undefined ? 'undefined' : 'still ' + parent.name;
  } catch (error) {
    result.afterRelease = { name: error.name, message: error.message };
    break;
  }
}
process.stdout.write(JSON.stringify(result));
`;

interface RuntimeResult {
  whileAlive: boolean;
  rootParent: string;
  afterRelease: string | { name: string; message: string };
}

async function runModule(name: string, moduleSource: string, driverSource: string): Promise<RuntimeResult> {
  const caseDir = mkdtempSync(join(workDir, `${name}-`));
  writeFileSync(join(caseDir, 'tree.mjs'), moduleSource);
  writeFileSync(join(caseDir, 'main.mjs'), driverSource);
  const { stdout } = await run(process.execPath, ['--expose-gc', 'main.mjs'], { cwd: caseDir, timeout: 30_000 });
  return JSON.parse(stdout) as RuntimeResult;
}

function transpile(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
}

describe('weak-parent output at runtime (node --expose-gc)', () => {
  const jsBuild = `root = new tree.TreeNode('root', null);\nchild = new tree.TreeNode('child', root);`;
  const tsBuild = `root = new tree.TreeNode('root');\nchild = root.add(new tree.TreeNode('child'));`;
  const leafBuild = `root = new tree.TreeNode('root');\nchild = new tree.Leaf('leaf', root);`;

  it('JS: the untransformed child keeps its parent alive (control)', async () => {
    const result = await runModule('js-control', javascriptTree, driver(jsBuild, 'child.parent'));
    expect(result).toEqual({ whileAlive: true, rootParent: 'null', afterRelease: 'still root' });
  });

  it('JS: the getter returns the parent while alive and throws ReferenceError once it is collected', async () => {
    const { output } = runWeakParent('tree.mjs', javascriptTree);
    expect(output).toBeDefined();
    const result = await runModule('js', output ?? '', driver(jsBuild, 'child.parent'));
    expect(result.whileAlive).toBe(true);
    expect(result.rootParent).toBe('null');
    expect(result.afterRelease).toEqual({
      name: 'ReferenceError',
      message: expect.stringContaining('TreeNode.parent') as unknown,
    });
  });

  it('TS field: same behaviour after transpiling the transformed module', async () => {
    const { output } = runWeakParent('tree.ts', typescriptTree);
    expect(output).toBeDefined();
    const result = await runModule('ts', transpile(output ?? ''), driver(tsBuild, 'child.parent'));
    expect(result.whileAlive).toBe(true);
    expect(result.rootParent).toBe('null');
    expect(result.afterRelease).toEqual({
      name: 'ReferenceError',
      message: expect.stringContaining('TreeNode.parent') as unknown,
    });
  });

  it('TS parameter property: the control keeps the parent, the transformed module lets it go', async () => {
    const control = await runModule('leaf-control', transpile(typescriptTree), driver(leafBuild, 'child.owner()'));
    expect(control.afterRelease).toBe('still root');
    const { output } = runWeakParent('tree.ts', typescriptTree);
    const result = await runModule('leaf', transpile(output ?? ''), driver(leafBuild, 'child.owner()'));
    expect(result.whileAlive).toBe(true);
    expect(result.afterRelease).toEqual({
      name: 'ReferenceError',
      message: expect.stringContaining('Leaf.parent') as unknown,
    });
  });

  it('--on-collected=undefined: the getter reads undefined once the parent is collected', async () => {
    const { output } = runWeakParent('tree.mjs', javascriptTree, { 'on-collected': 'undefined' });
    const result = await runModule('undefined', output ?? '', driver(jsBuild, 'child.parent'));
    expect(result).toEqual({ whileAlive: true, rootParent: 'null', afterRelease: 'undefined' });
  });

  it('--accessor=own: the same lifetime as the prototype accessor', async () => {
    const { output } = runWeakParent('tree.mjs', javascriptTree, { accessor: 'own' });
    const result = await runModule('own', output ?? '', driver(jsBuild, 'child.parent'));
    expect(result.whileAlive).toBe(true);
    expect(result.afterRelease).toEqual({ name: 'ReferenceError', message: expect.stringContaining('TreeNode.parent') as unknown });
  });
});

// Counts the WeakRefs a module makes: with the shared helper, 100 children of one parent share
// one, in the slot form (the default) and in the WeakMap form (Flow's parser, Node < 16.4); with
// underscore storage (no helper) every child makes its own. A child moved away and back reuses
// its parent's WeakRef; a parent of another class gets one per child.
describe('weak-parent shares one WeakRef per parent', () => {
  const counting = `
let made = 0;
globalThis.WeakRef = class extends WeakRef {
  constructor(target) {
    super(target);
    made += 1;
  }
};
const tree = await import('./tree.mjs');
const root = new tree.TreeNode('root', null);
const children = [];
for (let i = 0; i < 100; i++) children.push(new tree.TreeNode('child' + i, root));
const grandchild = new tree.TreeNode('grandchild', children[0]);
const other = new tree.TreeNode('other', null);
children[1].parent = other;
children[1].parent = root;
const afterTree = made;
class Foreign {
  children = [];
}
const foreign = new Foreign();
const adopted = [new tree.TreeNode('a', foreign), new tree.TreeNode('b', foreign)];
process.stdout.write(JSON.stringify({
  made: afterTree,
  foreign: made - afterTree,
  same: children.every((child) => child.parent === root),
  up: grandchild.parent.parent === root,
  adopted: adopted.every((child) => child.parent === foreign),
}));
`;

  const forms = [
    { name: 'default (slot form)', options: {}, made: 3, foreign: 2, helper: '#selfRef' },
    { name: '--parser=flow (WeakMap form)', options: { parser: 'flow' }, made: 3, foreign: 1, helper: 'static #weakRefs' },
    { name: '--storage=underscore', options: { storage: 'underscore' }, made: 103, foreign: 2, helper: undefined },
  ] as const;
  for (const form of forms) {
    it(`${form.name}: ${String(form.made)} WeakRefs for a parent with 100 children, a grandchild and a move`, async () => {
      const { output } = runWeakParent('tree.mjs', javascriptTree, form.options);
      if (form.helper === undefined) expect(output).not.toContain('#weakRefTo');
      else expect(output).toContain(form.helper);
      const caseDir = mkdtempSync(join(workDir, 'count-'));
      writeFileSync(join(caseDir, 'tree.mjs'), output ?? '');
      writeFileSync(join(caseDir, 'main.mjs'), counting);
      const { stdout } = await run(process.execPath, ['main.mjs'], { cwd: caseDir, timeout: 30_000 });
      expect(JSON.parse(stdout)).toEqual({ made: form.made, foreign: form.foreign, same: true, up: true, adopted: true });
    });
  }
});
