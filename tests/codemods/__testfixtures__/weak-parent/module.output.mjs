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
  #parent = undefined;

  notify() {
    this.parent?.changed(this);
  }

  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}

export class Subject {
  changed(observer) {
    return observer;
  }
}
