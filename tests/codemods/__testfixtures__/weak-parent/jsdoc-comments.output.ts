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
    this.#parent = value == null ? value : this.#weakRefTo(value);
  }
  #parent: WeakRef<Layer> | null = null; // owner, if any

  // Children draw after their parent.
  readonly children: Layer[] = [];

  add(child: Layer): void {
    child.parent = this;
    this.children.push(child);
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
