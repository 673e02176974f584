interface Scope {
  names: Set<string>;
}

export class Binding {
  get parent(): Scope | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Binding.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: Scope | undefined) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Scope> | undefined;

  constructor(parent?: Scope) {
    this.parent = parent;
  }
}
