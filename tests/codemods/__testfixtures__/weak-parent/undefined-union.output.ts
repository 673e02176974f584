interface Scope {
  names: Set<string>;
}

export class Binding {
  get parent(): Scope | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Binding.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Scope | undefined) {
    this.#parent = value == null ? value : Binding.#weakRefTo(value);
  }
  #parent: WeakRef<Scope> | undefined;

  constructor(parent?: Scope) {
    this.parent = parent;
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
