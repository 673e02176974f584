import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import { fileRunsUsing, minimumVersion } from '../src/using-support.js';

const dir = mkdtempSync(join(tmpdir(), 'using-support-test-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('minimumVersion', () => {
  it.each([
    ['>=24', [24, 0, 0]],
    ['^24.1.0', [24, 1, 0]],
    ['24.x', [24, 0, 0]],
    ['>23', [24, 0, 0]],
    ['>24.1', [24, 2, 0]],
    ['>=20.19 <21 || >=24', [20, 19, 0]],
    ['22 - 24', [22, 0, 0]],
    ['*', [0, 0, 0]],
    ['<25', [0, 0, 0]],
  ])('%s starts at %j', (range, expected) => {
    expect(minimumVersion(range)).toEqual(expected);
  });
  it('cannot read a tag', () => {
    expect(minimumVersion('latest')).toBeUndefined();
  });
});

let counter = 0;
/** A folder with a package.json (with `engines.node` when given) and one file, and a program over it (only its options are read). */
function fileIn(name: string, engines: string | undefined, options: ts.CompilerOptions): { program: ts.Program; file: string } {
  counter += 1;
  const folder = join(dir, `case${String(counter)}`);
  mkdirSync(folder);
  writeFileSync(join(folder, 'package.json'), JSON.stringify(engines === undefined ? { private: true } : { private: true, engines: { node: engines } }));
  const file = join(folder, name);
  writeFileSync(file, 'export const x = 1;\n');
  return { program: ts.createProgram([file], { allowJs: true, noLib: true, types: [], ...options }), file };
}

describe('fileRunsUsing', () => {
  it.each<[string, string, string | undefined, ts.CompilerOptions, boolean]>([
    ['a TypeScript file lowered by its target', 'a.ts', undefined, { target: ts.ScriptTarget.ES2022 }, true],
    ['a TypeScript file without a target', 'a.ts', undefined, {}, true],
    ['a TypeScript file emitted as written, engines below 24', 'a.ts', '>=20', { target: ts.ScriptTarget.ESNext }, false],
    ['a TypeScript file emitted as written, engines from 24', 'a.ts', '>=24', { target: ts.ScriptTarget.ESNext }, true],
    ['a TypeScript file run by type stripping', 'a.ts', '>=22.6', { noEmit: true, allowImportingTsExtensions: true }, false],
    ['a JavaScript file that is not compiled, no engines', 'a.js', undefined, { noEmit: true }, false],
    ['a JavaScript file that is not compiled, engines below 24', 'a.js', '>=20 || >=24', { noEmit: true }, false],
    ['a JavaScript file that is not compiled, engines from 24', 'a.js', '^24.0.0 || >=25', { noEmit: true }, true],
    ['a JavaScript file the program compiles down', 'a.js', undefined, { target: ts.ScriptTarget.ES2022, outDir: 'out' }, true],
  ])('%s', (_name, file, engines, options, expected) => {
    const made = fileIn(file, engines, options);
    expect(fileRunsUsing(made.program, made.file)).toBe(expected);
  });
});
