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
      throw new ReferenceError('Account.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: Owner | null) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Owner> | null = ((value: Owner | null): WeakRef<Owner> | null => value == null ? value : new WeakRef(value))(defaultOwner());
}

export class Profile {
  get parent(): Owner {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Profile.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: Owner) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Owner> = fallback == null ? fallback : new WeakRef(fallback);
}

export class Callback {
  get parent(): (() => Owner) | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Callback.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: (() => Owner) | undefined) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<() => Owner> | undefined = undefined;
}
