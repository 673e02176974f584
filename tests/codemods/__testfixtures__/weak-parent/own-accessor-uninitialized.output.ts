// --accessor=own defines its store through the field's initializer, so a field declared without
// one holds `undefined` until the constructor writes it. A type without `undefined` cannot say
// that: such a field is left alone, the initialised one beside it is rewritten.
export class Scope {
  public parent: Scope | null;
  readonly children: Scope[] = [];

  constructor(parent: Scope | null) {
    this.parent = parent;
  }
}

export class Region {
  get parent(): Region | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Region.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Region | null) {
    this.#parent = value == null ? value : Region.#weakRefTo(value);
  }
  #parent: WeakRef<Region> | null = this.#defineParent(null);
  static #parentProperty: PropertyDescriptor = {
    ...Object.getOwnPropertyDescriptor(this.prototype, 'parent'),
    enumerable: true,
  };
  #defineParent<V>(value: V): V {
    Object.defineProperty(this, 'parent', Region.#parentProperty);
    return value;
  }
  readonly children: Region[] = [];
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
