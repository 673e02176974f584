import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getThisScope, sameThisScope, type ThisScope } from '../../src/ast/this-scope.js';
import { inspect } from './inspect.js';

/** A short description of the scope of every `this` in the code, in source order. */
function scopes(code: string, filename = 'file.ts'): string[] {
  return inspect(code, 'ThisExpression', (node) => describeScope(getThisScope(node)), filename);
}

function describeScope(scope: ThisScope): string {
  switch (scope.kind) {
    case 'instance':
    case 'static':
      return `${scope.kind} ${scope.classNode.id?.name ?? '(class)'}${scope.method === undefined ? '' : ' method'}`;
    case 'function':
      return `function ${scope.functionNode.id?.name ?? '(anonymous)'}`;
    case 'top':
      return 'top';
  }
}

describe('getThisScope', () => {
  it('says top for module, script and CommonJS top-level code', () => {
    expect(scopes('this.x;\nconst f = () => this;')).toEqual(['top', 'top']);
    expect(scopes('module.exports = this;', 'file.cjs')).toEqual(['top']);
  });

  it('sees through arrows into methods, constructors, accessors and field initialisers', () => {
    const code = `class A {
  x = this;
  static y = this;
  static { this; }
  constructor() { this; }
  m() { return () => this; }
  static s() { this; }
  get g() { return this; }
}`;
    expect(scopes(code)).toEqual(['instance A', 'static A', 'static A', 'instance A method', 'instance A method', 'static A method', 'instance A method']);
  });

  it('gives keys, decorators and extends clauses the scope around the class', () => {
    const code = `function outer(this: object) {
  @dec(this)
  class B extends base(this) {
    [this.key] = 1;
    @dec(this) m() {}
    [this.name]() {}
  }
}`;
    expect(scopes(code)).toEqual(Array.from({ length: 5 }, () => 'function outer'));
  });

  it('gives plain functions and object methods their own receiver', () => {
    expect(scopes('const o = { m() { return this; }, n: function named() { return this; } };')).toEqual([
      'function (anonymous)',
      'function named',
    ]);
  });

  it('compares scopes', () => {
    const all = inspect(
      'this; class A { a() { this; } b() { this; } static c() { this; } } function f() { this; }',
      'ThisExpression',
      (node: TSESTree.Node) => getThisScope(node),
    );
    const [top, a, b, c, f] = all;
    if (top === undefined || a === undefined || b === undefined || c === undefined || f === undefined) throw new Error('five scopes');
    expect(sameThisScope(top, top)).toBe(true);
    expect(sameThisScope(a, b)).toBe(true);
    expect(sameThisScope(a, c)).toBe(false);
    expect(sameThisScope(top, f)).toBe(false);
    expect(sameThisScope(f, f)).toBe(true);
  });
});
