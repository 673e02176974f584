export class Document {
  readonly windows: Window[] = [];
}

export class Window {
  get owner(): Document | null {
    const ref = this.#owner;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Window.owner is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set owner(value: Document | null) {
    this.#owner = value == null ? value : Window.#weakRefTo(value);
  }
  #owner: WeakRef<Document> | null = null;
  get parent(): Window | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Window.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Window | null) {
    this.#parent = value == null ? value : Window.#weakRefTo(value);
  }
  #parent: WeakRef<Window> | null = null;
  opener: Window | null = null;
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
