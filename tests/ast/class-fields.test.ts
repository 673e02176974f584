import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { instanceFieldWrites } from '../../src/ast/class-fields.js';
import type { ClassNode } from '../../src/ast/functions.js';
import { walk } from '../../src/ast/walk.js';
import { inspect } from './inspect.js';

const code = `class Outer {
  a = 1;
  declare b: number;
  constructor(private c: number) {
    this.d = () => { this.e ??= 2; };
    const inner = class { f = (this.g = 3); [this.h = 4]() {} m() { this.i = 5; } };
    void inner;
    function free(this: unknown) { (this as { j: number }).j = 6; }
    void free;
  }
  static s = 7;
  m(): void { this.k = 8; this.d += 1; }
}`;

/** The writes of the first class of `code`, by key, as `[kind, value text]`. */
function writes(withCollected: boolean): [string, string[]][] {
  const [result] = inspect(code, 'Program', (program) => {
    const assignments: TSESTree.AssignmentExpression[] = [];
    walk(program, (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression) assignments.push(node);
      return undefined;
    });
    const classNode = (program as TSESTree.Program).body[0] as ClassNode;
    const found = instanceFieldWrites(classNode, withCollected ? assignments.reverse() : undefined);
    return [...found].map(([key, list]): [string, string[]] => [key, list.map((write) => `${write.kind}:${write.value?.type ?? '-'}`)]);
  });
  return result ?? [];
}

describe('instanceFieldWrites', () => {
  it('finds initializers, declarations, parameter properties and assignments of the class itself', () => {
    expect(writes(false)).toEqual([
      ['a', ['initializer:Literal']],
      ['b', ['declaration:-']],
      ['c', ['parameterProperty:-']],
      ['d', ['assignment:ArrowFunctionExpression']],
      ['e', ['assignment:Literal']],
      // Not `g`, `h`, `i` (the inner class's body, computed key included), `j` (a function's
      // own `this`), `s` (static) or the compound `+=`.
      ['k', ['assignment:Literal']],
    ]);
  });

  it('gives the same answer from the assignments of the file, in any order', () => {
    expect(writes(true)).toEqual(writes(false));
  });
});
