import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { enclosingClass, enclosingFunction, functionKey, methodOf } from '../../src/ast/functions.js';
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
