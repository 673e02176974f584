// The base class does not have `parent`; each subclass declares its own, so each subclass gets
// its own accessor and store.
export class Group {
  name = 'group';
}

export class Layer extends Group {
  get parent(): Group | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Layer.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Group | null) {
    this.#parent = value == null ? value : Layer.#weakRefTo(value);
  }
  #parent: WeakRef<Group> | null = null;
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

export class Folder extends Group {
  public get parent(): Folder | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Folder.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  public set parent(value: Folder | undefined) {
    this.#parent = value == null ? value : Folder.#weakRefTo(value);
  }
  #parent: WeakRef<Folder> | undefined;

  constructor(parent?: Folder) {
    super();
    this.#parent = parent == null ? parent : Folder.#weakRefTo(parent);
  }
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
