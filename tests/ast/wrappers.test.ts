import type { TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { outermostWrapper, skipOuterEsExpressions, skipOuterTsExpressions } from '../../src/ast/wrappers.js';
import { inspect } from './inspect.js';

describe('wrappers', () => {
  it('skips type-only wrappers in ESTree, and chains only when asked', () => {
    const inner = inspect('f(((x as any)! satisfies unknown));\ng(<T>y);\nh(a?.b);', 'CallExpression > .arguments', (node) => [
      skipOuterEsExpressions(node).type,
      skipOuterEsExpressions(node, { chains: true }).type,
    ]);
    expect(inner).toEqual([
      ['Identifier', 'Identifier'],
      ['Identifier', 'Identifier'],
      ['ChainExpression', 'MemberExpression'],
    ]);
  });

  it('climbs from an expression to its outermost wrapper and the node holding it', () => {
    const [found] = inspect('f((x as any)!);', 'Identifier[name="x"]', (node: TSESTree.Node) => {
      const { node: outer, parent } = outermostWrapper(node);
      return [outer.type, parent?.type];
    });
    expect(found).toEqual(['TSNonNullExpression', 'CallExpression']);
  });

  it('skips parentheses and type-only wrappers in TypeScript nodes', () => {
    const file = ts.createSourceFile('x.ts', 'f(((<T>x as any)! satisfies unknown));', ts.ScriptTarget.ESNext, true);
    const statement = file.statements[0];
    if (statement === undefined || !ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) throw new Error('a call');
    const [argument] = statement.expression.arguments;
    if (argument === undefined) throw new Error('an argument');
    expect(ts.SyntaxKind[skipOuterTsExpressions(argument).kind]).toBe('Identifier');
  });
});
