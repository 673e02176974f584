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
    this.#parent = value == null ? value : this.#weakRefTo(value);
  }
  #parent = undefined;

  notify() {
    this.parent?.changed(this);
  }
  #weakRefTo(target) {
    if (!(#weakRefToThis in target)) return new WeakRef(target);
    let ref = target.#weakRefToThis;
    if (ref === undefined) {
      ref = new WeakRef(target);
      target.#weakRefToThis = ref;
    }
    return ref;
  }
  #weakRefToThis = undefined;
}

export class Subject {
  changed(observer) {
    return observer;
  }
}
