export class Windows {
  get parent(): Windows | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Windows.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Windows | null) {
    this.#parent = value == null ? value : Windows.#weakRefTo(value);
  }
  #parent: WeakRef<Windows> | null = null;
  static #weakRefs = new WeakMap<object, WeakRef<object>>();
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Windows.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Windows.#weakRefs.set(target, ref);
    }
    return ref as WeakRef<T>;
  }
}
