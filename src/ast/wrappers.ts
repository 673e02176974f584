import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';

import { parentOf } from './ancestors.js';

/** ESTree wrappers that leave the value of their expression as it is. */
const TYPE_ONLY_WRAPPERS = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
]);

type TypeOnlyWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.TSInstantiationExpression;

function isTypeOnlyWrapper(node: TSESTree.Node): node is TypeOnlyWrapper {
  return TYPE_ONLY_WRAPPERS.has(node.type);
}

/**
 * `x as T`, `x satisfies T`, `x!`, `<T>x`, `f<T>` → `x`: the value the expression evaluates to.
 * ESTree has no parenthesis nodes. With `chains`, a `ChainExpression` (`a?.b`) is looked
 * through as well, to the member or call inside it.
 */
export function skipOuterEsExpressions(node: TSESTree.Node, { chains = false }: { chains?: boolean } = {}): TSESTree.Node {
  let current = node;
  for (;;) {
    if (isTypeOnlyWrapper(current)) current = current.expression;
    else if (chains && current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
    else return current;
  }
}

/**
 * The other direction: from an expression up through the type-only wrappers (and chains) around
 * it, to the outermost of them and the node that holds that one. For `(x as T)!` inside `f(…)`
 * it gives the `!` expression and the call.
 */
export function outermostWrapper(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let current = node;
  for (let parent = parentOf(current); parent !== undefined; parent = parentOf(current)) {
    if (!isTypeOnlyWrapper(parent) && parent.type !== AST_NODE_TYPES.ChainExpression) return { node: current, parent };
    current = parent;
  }
  return { node: current, parent: undefined };
}

/** A TypeScript expression without the parentheses and type-only wrappers (`as`, `satisfies`, `!`, `<T>`) around it. */
export function skipOuterTsExpressions(expression: ts.Expression): ts.Expression {
  let current = expression;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isTypeAssertionExpression(current) ||
      ts.isExpressionWithTypeArguments(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/**
 * Like {@link outermostWrapper}, and further through the places that pass a value on unchanged:
 * a branch of `a ? b : c`, an operand of `||`, `&&`, `??`, the last expression of a sequence.
 * For `supported ? new X() : undefined` inside `const x = …` it gives the conditional and the
 * declarator: where the value may end up.
 */
export function outermostValue(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let current = outermostWrapper(node);
  for (;;) {
    const { node: child, parent } = current;
    if (parent === undefined) return current;
    const passesOn =
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== child) ||
      parent.type === AST_NODE_TYPES.LogicalExpression ||
      (parent.type === AST_NODE_TYPES.SequenceExpression && parent.expressions.at(-1) === child);
    if (!passesOn) return current;
    current = outermostWrapper(parent);
  }
}
