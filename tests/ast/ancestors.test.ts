import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { ancestorsOf, findAncestor, isWithin, parentOf } from '../../src/ast/ancestors.js';
import { inspect } from './inspect.js';

describe('ancestors', () => {
  it('ends at Program, whose parent ESLint sets to null', () => {
    const [chain] = inspect('a.b(c);', 'Identifier[name="c"]', (node) => [...ancestorsOf(node)].map((ancestor) => ancestor.type));
    expect(chain).toEqual([AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.ExpressionStatement, AST_NODE_TYPES.Program]);
    expect(inspect('x;', 'Program', (node) => parentOf(node))).toEqual([undefined]);
  });

  it('finds the nearest match, or nothing past the top level', () => {
    const code = 'function outer() { return () => value; }\nvalue;';
    expect(inspect(code, 'Identifier[name="value"]', (node) => findAncestor(node, (ancestor) => ancestor.type === AST_NODE_TYPES.FunctionDeclaration)?.type)).toEqual([
      AST_NODE_TYPES.FunctionDeclaration,
      undefined,
    ]);
  });

  it('stops where the test says so and passes the child on the way', () => {
    const code = 'function outer() { const f = function () { return value; }; }';
    const stopAtFunction = (node: Parameters<typeof findAncestor>[0]): string | undefined =>
      findAncestor(node, (ancestor) =>
        ancestor.type === AST_NODE_TYPES.FunctionExpression ? 'stop' : ancestor.type === AST_NODE_TYPES.FunctionDeclaration,
      )?.type;
    expect(inspect(code, 'Identifier[name="value"]', stopAtFunction)).toEqual([undefined]);
    const children = inspect('f(a);', 'Identifier[name="a"]', (node) => {
      const seen: string[] = [];
      findAncestor(node, (_ancestor, child) => {
        seen.push(child.type);
        return false;
      });
      return seen;
    });
    expect(children).toEqual([[AST_NODE_TYPES.Identifier, AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.ExpressionStatement]]);
  });

  it('tells by range whether a node lies inside another', () => {
    const code = 'function f() { inner; }\nouter;';
    const [body] = inspect(code, 'BlockStatement', (node) => node);
    const inside = inspect(code, 'Identifier', (node) => (body ? isWithin(node, body) : undefined));
    // f, inner, outer
    expect(inside).toEqual([false, true, false]);
    expect(body ? isWithin(body, body) : undefined).toBe(true);
  });
});
