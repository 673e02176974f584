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
    this.#parent = parent == null ? parent : Model.#weakRefTo(parent);
    this.#parent = parent == null ? parent : Model.#weakRefTo(parent);
    if (parent) parent.children.push(this);
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
