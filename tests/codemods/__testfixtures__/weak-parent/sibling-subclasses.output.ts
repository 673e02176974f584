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
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Group> | null = null;
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
    this.#parent = value == null ? value : this.#weakRefTo(value);
  }
  #parent: WeakRef<Folder> | undefined;

  constructor(parent?: Folder) {
    super();
    this.#parent = parent == null ? parent : this.#weakRefTo(parent);
  }
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
