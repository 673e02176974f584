export class Windows {
  get parent(): Windows | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Windows.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: Windows | null) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Windows> | null = null;
}
