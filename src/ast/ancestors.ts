import type { TSESTree } from '@typescript-eslint/utils';

/**
 * The parent of an ESTree node, or undefined at the root. ESLint gives `Program` a `null`
 * parent while the types promise a node, so every walk upwards goes through here.
 */
export function parentOf(node: TSESTree.Node): TSESTree.Node | undefined {
  return (node.parent) ?? undefined;
}

/** `node` lies inside `container` (or is it), by source range: no walk up the parents. */
export function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** The ancestors of `node`, nearest first, ending with `Program`. */
export function* ancestorsOf(node: TSESTree.Node): Generator<TSESTree.Node, void, undefined> {
  for (let current = parentOf(node); current !== undefined; current = parentOf(current)) yield current;
}

/**
 * The nearest ancestor for which `test` is true. `test` may also answer `'stop'` to end the
 * search without a result at that ancestor (a function boundary, say).
 */
export function findAncestor<T extends TSESTree.Node>(
  node: TSESTree.Node,
  test: (ancestor: TSESTree.Node, child: TSESTree.Node) => ancestor is T,
): T | undefined;
export function findAncestor(
  node: TSESTree.Node,
  test: (ancestor: TSESTree.Node, child: TSESTree.Node) => boolean | 'stop',
): TSESTree.Node | undefined;
export function findAncestor(
  node: TSESTree.Node,
  test: (ancestor: TSESTree.Node, child: TSESTree.Node) => boolean | 'stop',
): TSESTree.Node | undefined {
  // A plain loop, not the generator: rules ask this for many nodes of every file.
  let child = node;
  for (let ancestor = parentOf(node); ancestor !== undefined; ancestor = parentOf(ancestor)) {
    const answer = test(ancestor, child);
    if (answer === 'stop') return undefined;
    if (answer) return ancestor;
    child = ancestor;
  }
  return undefined;
}
