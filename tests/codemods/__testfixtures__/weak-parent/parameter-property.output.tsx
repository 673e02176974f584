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
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
