// Produces variant (c)'s node class: the strong-parent source of tree-node.mjs rewritten by the
// project's weak-parent codemod, written to a temporary .mjs file and imported.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import jscodeshift from 'jscodeshift';

const root = fileURLToPath(new URL('../..', import.meta.url));
const strongSourcePath = fileURLToPath(new URL('tree-node.mjs', import.meta.url));
const builtTransform = join(root, 'dist/codemods/weak-parent.js');
const transformSource = join(root, 'codemods/weak-parent.ts');

/**
 * Loads the weak-parent transform. Order: LEAK_LAB_CODEMOD (a module path, for trying another
 * transform), the built dist/codemods/weak-parent.js when it is at least as new as every .ts
 * file in codemods/ and src/, else the TypeScript source through jiti (so the lab works
 * without a build and never measures a stale one).
 */
export async function loadTransform() {
  const override = process.env.LEAK_LAB_CODEMOD;
  if (override) {
    return { transform: pickDefault(await import(pathToFileURL(override).href)), from: override };
  }
  const haveSource = existsSync(transformSource);
  if (existsSync(builtTransform) && (!haveSource || statSync(builtTransform).mtimeMs >= newestSourceMtime())) {
    return {
      transform: pickDefault(await import(pathToFileURL(builtTransform).href)),
      from: 'dist/codemods/weak-parent.js',
    };
  }
  if (!haveSource) {
    throw new Error(
      'leak-lab: the weak-parent codemod is missing (no codemods/weak-parent.ts, no dist build); ' +
        'set LEAK_LAB_CODEMOD to a transform module to run variant (c).',
    );
  }
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url);
  return {
    transform: pickDefault(await jiti.import(transformSource)),
    from: 'codemods/weak-parent.ts (through jiti, no build found)',
  };
}

// The built transform imports shared modules from src/, so any newer .ts there (or in
// codemods/) makes the build stale.
function newestSourceMtime() {
  let newest = 0;
  for (const dir of ['codemods', 'src']) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs, { recursive: true })) {
      if (String(name).endsWith('.ts')) newest = Math.max(newest, statSync(join(abs, String(name))).mtimeMs);
    }
  }
  return newest;
}

function pickDefault(module) {
  const candidate = module.default?.default ?? module.default ?? module;
  if (typeof candidate !== 'function') throw new Error('leak-lab: the codemod module exports no transform function');
  return candidate;
}

/**
 * Runs the codemod on tree-node.mjs and writes the result as `weak-tree-node.mjs` into `dir`.
 * Returns the file, the printed source and which transform produced it.
 */
export async function writeWeakTreeNode(dir) {
  const { transform, from } = await loadTransform();
  const source = readFileSync(strongSourcePath, 'utf8');
  const j = jscodeshift.withParser('babel');
  const output = await transform(
    { path: 'tree-node.mjs', source },
    { jscodeshift: j, j, stats: () => {}, report: () => {} },
    {},
  );
  if (typeof output !== 'string' || output === source) {
    throw new Error(`leak-lab: the weak-parent codemod (${from}) left tree-node.mjs unchanged`);
  }
  const file = join(dir, 'weak-tree-node.mjs');
  writeFileSync(file, output);
  return { file, source: output, from };
}

/** Runs the codemod on tree-node.mjs and imports the result from a temporary directory. */
export async function loadWeakTreeNode() {
  const dir = mkdtempSync(join(tmpdir(), 'leak-lab-'));
  try {
    const { file, source, from } = await writeWeakTreeNode(dir);
    const module = await import(pathToFileURL(file).href);
    return { TreeNode: module.TreeNode, source, codemod: from };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
