// Without strictNullChecks `ref == null` does not narrow the store, so the getter casts what it returns.
export class TreeNode {
  get parent(): TreeNode | null {
    const ref = this.#parent;
    if (ref == null) return ref as null;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'TreeNode.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: TreeNode | null) {
    this.#parent = value == null ? (value as null) : TreeNode.#weakRefTo(value);
  }
  #parent: WeakRef<TreeNode> | null = null;
  readonly children: TreeNode[] = [];

  add(child: TreeNode): void {
    child.parent = this;
    this.children.push(child);
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

export class Leaf {
  public get parent(): Branch {
    const ref = this.#parent;
    if (ref == null) return ref as undefined;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Leaf.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  public set parent(value: Branch) {
    this.#parent =
      value == null ? (value as undefined) : Leaf.#weakRefTo(value);
  }
  #parent!: WeakRef<Branch>;

  constructor(parent: Branch) {
    this.#parent = parent == null ? (parent as undefined) : Leaf.#weakRefTo(parent);
    parent.leaves.push(this);
  }
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

export class Branch {
  readonly leaves: Leaf[] = [];
}
