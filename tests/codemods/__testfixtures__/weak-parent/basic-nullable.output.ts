export class TreeNode {
  get parent(): TreeNode | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'TreeNode.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: TreeNode | null) {
    this.#parent = value == null ? value : TreeNode.#weakRefTo(value);
  }
  #parent: WeakRef<TreeNode> | null = null;
  readonly children: TreeNode[] = [];

  constructor(readonly name: string) {}

  add(child: TreeNode): TreeNode {
    child.parent = this;
    this.children.push(child);
    return child;
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
