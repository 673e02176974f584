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
    this.#parent = value == null ? value : this.#weakRefTo(value);
  }
  #parent: WeakRef<TreeNode<T>> | null = null;
  children: TreeNode<T>[] = [];

  constructor(public value: T) {}
  #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#weakRefToThis in target)) return new WeakRef(target);
    let ref = target.#weakRefToThis;
    if (ref === undefined) {
      ref = new WeakRef(target);
      target.#weakRefToThis = ref;
    }
    return ref as WeakRef<T>;
  }
  #weakRefToThis: WeakRef<object> | undefined = undefined;
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
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Owner> | undefined;
}
