declare function lookupOwner(id: number): Owner | undefined;

interface Owner {
  id: number;
}

export class Pet {
  private get parent(): Owner | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Pet.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  readonly #parent: WeakRef<Owner> | undefined;

  constructor(ownerId: number) {
    this.#parent = ((value: Owner | undefined): WeakRef<Owner> | undefined => (value == null ? value : Pet.#weakRefTo(value)))(lookupOwner(ownerId));
  }

  ownerId(): number | undefined {
    return this.parent?.id;
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
