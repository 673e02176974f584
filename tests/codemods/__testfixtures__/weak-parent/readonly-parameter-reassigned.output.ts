export class Model {
  readonly children: Model[] = [];

  public get parent(): Model {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Model.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  readonly #parent!: WeakRef<Model>;

  constructor(
    parent: Model,
    public readonly name: string,
  ) {
    this.#parent = parent == null ? parent : this.#weakRefTo(parent);
    this.#parent = parent == null ? parent : this.#weakRefTo(parent);
    if (parent) parent.children.push(this);
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
