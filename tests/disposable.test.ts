import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import { getDisposalKind, getDisposeKeys, programMentionsDisposal } from '../src/disposable.js';

// Real programs on disk, type-checked by TypeScript with the libs a user would configure.
const dir = mkdtempSync(join(tmpdir(), 'disposable-test-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function program(source: string, lib = ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts']): { program: ts.Program; file: ts.SourceFile } {
  counter += 1;
  const path = join(dir, `case${String(counter)}.ts`);
  writeFileSync(path, source);
  const created = ts.createProgram([path], { target: ts.ScriptTarget.ES2022, lib, strict: true, noEmit: true, types: [] });
  const file = created.getSourceFile(path);
  if (file === undefined) throw new Error(`no source file for ${path}`);
  return { program: created, file };
}

/** The type of the initializer of `const <name> = …`. */
function initializerType(result: { program: ts.Program; file: ts.SourceFile }, name: string): ts.Type {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found = node.initializer;
    ts.forEachChild(node, visit);
  };
  visit(result.file);
  if (found === undefined) throw new Error(`no initializer for ${name}`);
  return result.program.getTypeChecker().getTypeAtLocation(found);
}

describe('getDisposeKeys / getDisposalKind', () => {
  const source = `
    export const own: unique symbol = Symbol('dispose');
    declare class Sync { [Symbol.dispose](): void }
    declare class Async { [Symbol.asyncDispose](): Promise<void> }
    declare class LookAlike { [own](): void }
    declare function either(): Sync | Async;
    declare function maybe(): Sync | undefined;
    declare function generic<T extends Disposable>(): T;
    const sync = new Sync();
    const async = new Async();
    const look = new LookAlike();
    const both = either();
    const partly = maybe();
    const stack = new DisposableStack();
    const anything = JSON.parse('1') as any;
    function inner<T extends Disposable>() { const value = generic<T>(); return value; }
    declare class Hidden { private [Symbol.dispose](): void }
    type StringKeyed<T> = { [K in keyof T as K extends string ? K : never]: T[K] };
    const frozen = Object.freeze({ a: 1, b: 'x' });
    const frozenSync = Object.freeze(new Sync());
    const partial = {} as Partial<Async>;
    const withTag = {} as Sync & { tag: string };
    const plainBoth = {} as { a: 1 } & { b: 2 };
    const stringKeyed = {} as StringKeyed<Sync>;
    const readonlyHidden = {} as Readonly<Hidden>;
  `;
  const result = program(source);
  const checker = result.program.getTypeChecker();
  const keys = getDisposeKeys(result.program);

  it('reads the member keys of Symbol.dispose and Symbol.asyncDispose from the lib', () => {
    expect(keys?.dispose).toMatch(/^__@dispose@\d+$/);
    expect(keys?.asyncDispose).toMatch(/^__@asyncDispose@\d+$/);
  });

  it.each([
    ['sync', 'sync'],
    ['async', 'async'],
    ['both', 'async'],
    ['stack', 'sync'],
    ['value', 'sync'],
    ['look', undefined],
    ['partly', undefined],
    ['anything', undefined],
    // Types whose members come from other types: a mapped type alias over one, an intersection.
    ['frozen', undefined],
    ['frozenSync', 'sync'],
    ['partial', 'async'],
    ['withTag', 'sync'],
    ['plainBoth', undefined],
    ['stringKeyed', undefined],
    ['readonlyHidden', undefined],
  ])('%s is %s', (name, expected) => {
    if (keys === null) throw new Error('no keys');
    expect(getDisposalKind(initializerType(result, name), checker, keys)).toBe(expected);
  });

  it('finds no keys without lib esnext.disposable, so nothing is disposable', () => {
    expect(getDisposeKeys(program('export const x = 1;', ['lib.es2023.d.ts']).program)).toBeNull();
  });
});

describe('programMentionsDisposal', () => {
  it('is false when only the lib mentions disposal', () => {
    expect(programMentionsDisposal(program('export const it = [1].values();').program)).toBe(false);
  });
  it.each([
    ['class A { [Symbol.dispose]() {} }'],
    ['class A { async [Symbol.asyncDispose]() {} }'],
    ['export const s = new DisposableStack();'],
    ['export function f(d: AsyncDisposable) { return d; }'],
  ])('is true for %s', (source) => {
    expect(programMentionsDisposal(program(source).program)).toBe(true);
  });
});
