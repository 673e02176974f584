import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/** An ESTree node (as opposed to a token list, a location or a plain value on a node). */
export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Node types whose subtrees hold types only: no call, assignment, member expression or
 * declaration of a value is ever below them (a `typeof this.x` query does hold a
 * `ThisExpression`). A walk that looks for runtime code can skip them.
 */
export const TYPE_ONLY_NODES: ReadonlySet<string> = new Set([
  'TSTypeAnnotation',
  'TSTypeParameterDeclaration',
  'TSTypeParameterInstantiation',
  'TSInterfaceDeclaration',
  'TSTypeAliasDeclaration',
]);

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
  let inOrder = true;
  let lastStart = -1;
  for (const key of keys) {
    const value = record[key];
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (!isNode(item)) continue;
      if (item.range[0] < lastStart) inOrder = false;
      lastStart = item.range[0];
      children.push(item);
    }
  }
  // Visitor keys follow the grammar, which is not always source order (a decorator before
  // `export`); sorted only then, since walks of whole class bodies come through here.
  if (!inOrder) children.sort((a, b) => a.range[0] - b.range[0]);
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
