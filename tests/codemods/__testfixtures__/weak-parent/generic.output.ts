export class TreeNode<T> {
  get parent(): TreeNode<T> | null {
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
  set parent(value: TreeNode<T> | null) {
    this.#parent = value == null ? value : TreeNode.#weakRefTo(value);
  }
  #parent: WeakRef<TreeNode<T>> | null = null;
  children: TreeNode<T>[] = [];

  constructor(public value: T) {}

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

export class Box<Owner extends object> {
  get parent(): Owner | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Box.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Owner | undefined) {
    this.#parent = value == null ? value : Box.#weakRefTo(value);
  }
  #parent: WeakRef<Owner> | undefined;
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
