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
  static #weakRefs = new WeakMap();
  static #weakRefTo(target) {
    let ref = Observer.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Observer.#weakRefs.set(target, ref);
    }
    return ref;
  }
}

export class Subject {
  changed(observer) {
    return observer;
  }
}
