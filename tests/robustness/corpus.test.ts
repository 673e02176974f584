// The short form of `npm run robustness`, offline: the same pipeline (collect a deterministic
// sample, lint it with every rule and real types, run the codemod in process and through the
// CLI on a copy) over a node_modules-shaped folder that holds TypeScript's lib and @types/node
// from this repository and, for the other corpus packages, small files of our own in the shapes
// they stand for (corpus-fixture/). The real packages are installed into a cache by
// `npm run robustness` (CI runs its --quick form).
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import transform from '../../codemods/weak-parent.js';
import plugin from '../../src/index.js';
import { runCliOnCorpus, transformInProcess } from '../../scripts/robustness/codemod-corpus.js';
import { CORPUS_SOURCES, collectCorpus, copyCorpus, type CorpusCopy } from '../../scripts/robustness/corpus.js';
import { lintCorpus } from '../../scripts/robustness/lint-corpus.js';
import { builtCli, repoRoot } from './helpers.js';

/** The stand-in for the corpus install: real packages that ship with the dev install, plus the fixture. */
function offlineModules(): string {
  const modules = mkdtempSync(join(tmpdir(), 'lifetime-corpus-modules-'));
  cpSync(fileURLToPath(new URL('corpus-fixture', import.meta.url)), modules, { recursive: true });
  rmSync(join(modules, 'README.md'));
  for (const name of ['typescript', '@types/node', 'undici-types']) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name), 'dir');
  }
  return modules;
}

const modules = offlineModules();
const files = collectCorpus({ quick: true, perPackage: 2, modules });
const copies: CorpusCopy[] = [];
afterAll(() => {
  for (const copy of copies) rmSync(copy.root, { recursive: true, force: true });
  rmSync(modules, { recursive: true, force: true });
});

describe('crash corpus, quick sample', () => {
  it('samples every corpus package', () => {
    const packages = new Set(CORPUS_SOURCES.map((source) => source.packageName));
    for (const name of packages) expect(files.some((file) => file.relativePath.startsWith(`${name}/`)), name).toBe(true);
  });

  it('every rule, with type information: all files linted, no rule exception', async () => {
    const copy = copyCorpus(files, undefined, modules);
    copies.push(copy);
    const result = await lintCorpus({ plugin, root: copy.root, tsconfigPath: copy.tsconfigPath, files: copy.files });
    expect(result.exceptions).toEqual([]);
    expect(result.parseErrors).toEqual([]);
    expect(result.completed).toBe(files.length);
    expect(Object.keys(result.reportsByRule).sort()).toEqual(Object.keys(plugin.rules).map((name) => `lifetime/${name}`).sort());
  });

  it('the codemod in process: no crash, outputs parse, idempotent', () => {
    const copy = copyCorpus(files, undefined, modules);
    copies.push(copy);
    const result = transformInProcess(transform, copy.root, copy.files);
    expect(result.crashes).toEqual([]);
    expect(result.brokenOutput).toEqual([]);
    expect(result.notIdempotent).toEqual([]);
    expect(result.changed.length + result.unchanged + result.unparsable.length).toBe(files.length);
  });

  it('the codemod CLI on a copy: no crash, changed files parse, second run changes nothing', () => {
    const copy = copyCorpus(files, undefined, modules);
    copies.push(copy);
    const result = runCliOnCorpus(builtCli(), 'weak-parent', copy.root, copy.corpusDir, copy.files, new Set());
    expect(result.first.uncaught).toBe(false);
    expect(result.first.exitCode).toBe(0);
    expect(result.first.summary[0]).toBe(`weak-parent: ${String(files.length)} files`);
    expect(result.changedNotParsing).toEqual([]);
    expect(result.secondRunChanged).toEqual([]);
  });
});
