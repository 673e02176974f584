import type { TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

/** An ESTree node (as opposed to a token list, a location or a plain value on a node). */
export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Visits `root` and every node below it, in source order, without recursion (deeply nested
 * expressions in generated code must not overflow the stack). `visit` returns `false` to skip
 * the children of a node. Nested functions are entered: the rules that walk cleanup callbacks
 * decide for themselves where to stop.
 */
export function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | undefined): void {
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (visit(node) === false) continue;
    const children: TSESTree.Node[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) if (isNode(item)) children.push(item);
      } else if (isNode(value)) {
        children.push(value);
      }
    }
    // Pushed in reverse so that the first child in source order is visited first.
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
  }
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
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}
