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
    this.#parent = value == null ? value : this.#weakRefTo(value);
  }
  #parent: WeakRef<Owner> | null =
    ((value: Owner | null): WeakRef<Owner> | null => (value == null ? value : this.#weakRefTo(value)))(defaultOwner());
  #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#weakRefToThis in target)) return new WeakRef(target);
    let ref = target.#weakRefToThis;
    if (ref === undefined) {
      ref = new WeakRef(target);
      target.#weakRefToThis = ref;
    }
    return ref as WeakRef<T>;
  }
  #weakRefToThis: WeakRef<object> | undefined = undefined;
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
    this.#parent = value == null ? value : this.#weakRefTo(value);
  }
  #parent: WeakRef<Owner> =
    fallback == null ? fallback : this.#weakRefTo(fallback);
  #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#weakRefToThis in target)) return new WeakRef(target);
    let ref = target.#weakRefToThis;
    if (ref === undefined) {
      ref = new WeakRef(target);
      target.#weakRefToThis = ref;
    }
    return ref as WeakRef<T>;
  }
  #weakRefToThis: WeakRef<object> | undefined = undefined;
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
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<() => Owner> | undefined = undefined;
}
