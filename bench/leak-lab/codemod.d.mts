// Types for codemod.mjs, for the TypeScript tests that call it.
export interface WeakTreeNodeFile {
  file: string;
  source: string;
  from: string;
}

/** Runs the weak-parent codemod on tree-node.mjs and writes the result as weak-tree-node.mjs into `dir`. */
export function writeWeakTreeNode(dir: string): Promise<WeakTreeNodeFile>;
