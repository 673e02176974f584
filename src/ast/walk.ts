import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/** An ESTree node (as opposed to a token list, a location or a plain value on a node). */
export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Keys that hold no child nodes, for node types the visitor keys do not know. */
const NOT_CHILDREN = new Set(['parent', 'tokens', 'comments', 'loc', 'range']);

/**
 * The child nodes of `node` in source order: those under typescript-eslint's visitor keys (the
 * same keys ESLint traverses), or for a node type they do not list, every key that holds nodes.
 */
export function childrenOf(node: TSESTree.Node): TSESTree.Node[] {
  const record = node as unknown as Record<string, unknown>;
  const keys: readonly string[] = visitorKeys[node.type] ?? Object.keys(record).filter((key) => !NOT_CHILDREN.has(key));
  const children: TSESTree.Node[] = [];
  for (const key of keys) {
    const value = record[key];
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  // Visitor keys follow the grammar, which is not always source order (a decorator before `export`).
  if (children.length > 1) children.sort((a, b) => a.range[0] - b.range[0]);
  return children;
}

/**
 * Visits `root` and every node below it, in source order, without recursion (deeply nested
 * expressions in generated code must not overflow the stack). `visit` returns `false` to skip
 * the children of a node. Nested functions are entered: callers decide for themselves where to
 * stop.
 */
export function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | undefined): void {
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (visit(node) === false) continue;
    const children = childrenOf(node);
    // Pushed in reverse so that the first child in source order is visited first.
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
  }
}
