import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { enclosingClass, enclosingFunction, functionKey, methodOf, ownReturnStatements, type FunctionNode } from '../../src/ast/functions.js';
import { propertyKeyText } from '../../src/ast/member-names.js';
import { childrenOf, walk } from '../../src/ast/walk.js';
import { inspect } from './inspect.js';

describe('functions', () => {
  it('finds the enclosing function and class, or nothing at the top level', () => {
    const code = 'value; function f() { return () => value; }\nclass C extends base(value) { m() { value; } }';
    expect(inspect(code, 'Identifier[name="value"]', (node) => [enclosingFunction(node)?.type, enclosingClass(node)?.id?.name])).toEqual([
      [undefined, undefined],
      ['ArrowFunctionExpression', undefined],
      [undefined, 'C'],
      ['FunctionExpression', 'C'],
    ]);
  });

  it('names functions by their key, declaration or variable', () => {
    const code = `function decl() {}
const assigned = () => {};
class A { m() {} [Symbol.dispose]() {} #p() {} field = () => {}; }
({ prop: function () {} });
f(() => {});`;
    const names = inspect(code, ':function', (node) => {
      const key = functionKey(node as Parameters<typeof functionKey>[0]);
      return key === undefined ? undefined : propertyKeyText(key);
    });
    expect(names).toEqual(['decl', 'assigned', 'm', '[Symbol.dispose]', '#p', 'field', 'prop', undefined]);
    expect(inspect('class A { m() {} } (function () {});', 'FunctionExpression', (node) => methodOf(node as TSESTree.FunctionExpression)?.kind)).toEqual([
      'method',
      undefined,
    ]);
  });
});

describe('ownReturnStatements', () => {
  it('finds the returns of every statement form, not those of nested functions or classes', () => {
    const code = `function f(x) {
  if (x) return 1; else { return 2; }
  for (;;) { while (x) { do { return 3; } while (x); } }
  for (const k in x) return 4;
  for (const k of x) label: return 5;
  try { return 6; } catch { return 7; } finally { return 8; }
  switch (x) { case 1: return 9; default: { return 10; } }
  const g = () => { return 0; };
  class C { m() { return 0; } static { g(); } }
  return function () { return 0; };
}`;
    const [values] = inspect(code, 'FunctionDeclaration', (node) =>
      ownReturnStatements(node as FunctionNode).map((statement) => (statement.argument?.type === AST_NODE_TYPES.Literal ? statement.argument.value : statement.argument?.type)),
    );
    expect(values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 'FunctionExpression']);
    expect(inspect('const f = () => 1;', 'ArrowFunctionExpression', (node) => ownReturnStatements(node as FunctionNode).length)).toEqual([0]);
  });
});

describe('walk', () => {
  it('visits every node in source order and can skip a subtree', () => {
    const [visited] = inspect('f(a, () => b, c);', 'Program', (root) => {
      const seen: string[] = [];
      walk(root, (node) => {
        if (node.type === AST_NODE_TYPES.Identifier) seen.push(node.name);
        return node.type !== AST_NODE_TYPES.ArrowFunctionExpression;
      });
      return seen;
    });
    expect(visited).toEqual(['f', 'a', 'c']);
  });

  it('lists children without the parent link, in source order', () => {
    const [kinds] = inspect('@dec class A { x: number = 1 }', 'ClassDeclaration', (node) => childrenOf(node).map((child) => child.type));
    expect(kinds).toEqual(['Decorator', 'Identifier', 'ClassBody']);
  });
});
