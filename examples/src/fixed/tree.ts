// The same tree with a weak back edge, as the weak-parent codemod writes it: a child no longer
// keeps its parent alive, and reading `parent` after the parent was collected throws a
// ReferenceError instead of handing back a half-dead tree.
export class TreeNode {
  get parent(): TreeNode | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('TreeNode.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: TreeNode | null) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<TreeNode> | null = null;
  readonly children = new Set<TreeNode>();

  constructor(
    readonly name: string,
    readonly payload: Uint8Array = new Uint8Array(0),
  ) {}

  add(child: TreeNode): TreeNode {
    child.parent = this;
    this.children.add(child);
    return child;
  }

  path(): string {
    return this.parent === null ? this.name : `${this.parent.path()}/${this.name}`;
  }
}
