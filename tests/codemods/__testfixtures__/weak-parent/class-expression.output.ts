export const Leaf = class {
  get parent(): object | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Leaf.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: object | null) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<object> | null = null;
};

export default class {
  get parent(): { id: number } | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        '(anonymous class).parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: { id: number } | undefined) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<{ id: number }> | undefined;
}
