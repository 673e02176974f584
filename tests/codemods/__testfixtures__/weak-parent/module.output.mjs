// Observers notify their subject.
export class Observer {
  /** @type {Subject | undefined} */
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Observer.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Observer.#weakRefTo(value);
  }
  /** @type {WeakRef<Subject> | undefined} */
  #parent = undefined;

  notify() {
    this.parent?.changed(this);
  }

  /** @type {WeakRef<object> | undefined} */
  #selfRef;
  /**
   * @template {object} T
   * @param {T} target
   * @returns {WeakRef<T>}
   */
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return /** @type {WeakRef<T>} */ (target.#selfRef);
  }
}

export class Subject {
  changed(observer) {
    return observer;
  }
}
