export class Layer {
  /**
   * The layer this one is drawn into.
   * Set by {@link Layer.add}.
   */
  get parent(): Layer | null {
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
  set parent(value: Layer | null) {
    this.#parent = value == null ? value : Layer.#weakRefTo(value);
  }
  #parent: WeakRef<Layer> | null = null; // owner, if any

  // Children draw after their parent.
  readonly children: Layer[] = [];

  add(child: Layer): void {
    child.parent = this;
    this.children.push(child);
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
