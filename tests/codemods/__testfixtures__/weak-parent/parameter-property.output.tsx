declare function show(element: unknown): void;

export class Slot {
  protected get parent(): Slot | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Slot.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  protected set parent(value: Slot | null) {
    this.#parent = value == null ? value : this.#weakRefTo(value);
  }
  #parent!: WeakRef<Slot> | null;

  constructor(parent: Slot | null = null) {
    this.#parent = parent == null ? parent : this.#weakRefTo(parent);
    show(<slot />);
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
