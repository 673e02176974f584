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
    this.#parent = value == null ? value : Slot.#weakRefTo(value);
  }
  #parent!: WeakRef<Slot> | null;

  constructor(parent: Slot | null = null) {
    this.#parent = parent == null ? parent : Slot.#weakRefTo(parent);
    show(<slot />);
  }
  static #weakRefs = new WeakMap<object, WeakRef<object>>();
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Slot.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Slot.#weakRefs.set(target, ref);
    }
    return ref as WeakRef<T>;
  }
}
