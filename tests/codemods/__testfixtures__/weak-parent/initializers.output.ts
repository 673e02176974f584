interface Owner {
  name: string;
}

declare function defaultOwner(): Owner;
declare const fallback: Owner;

export class Account {
  get parent(): Owner | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Account.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Owner | null) {
    this.#parent = value == null ? value : Account.#weakRefTo(value);
  }
  #parent: WeakRef<Owner> | null =
    ((value: Owner | null): WeakRef<Owner> | null => (value == null ? value : Account.#weakRefTo(value)))(defaultOwner());
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

export class Profile {
  get parent(): Owner {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Profile.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Owner) {
    this.#parent = value == null ? value : Profile.#weakRefTo(value);
  }
  #parent: WeakRef<Owner> =
    fallback == null ? fallback : Profile.#weakRefTo(fallback);
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

export class Callback {
  get parent(): (() => Owner) | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Callback.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: (() => Owner) | undefined) {
    this.#parent = value == null ? value : Callback.#weakRefTo(value);
  }
  #parent: WeakRef<() => Owner> | undefined = undefined;
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
