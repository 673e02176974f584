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
  static #weakRefs = new WeakMap<object, WeakRef<object>>();
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Model.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Model.#weakRefs.set(target, ref);
    }
    return ref as WeakRef<T>;
  }
}
