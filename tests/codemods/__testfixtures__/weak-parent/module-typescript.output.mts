export class Chapter {
  get parent(): Book | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Chapter.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Book | undefined) {
    this.#parent = value == null ? value : Chapter.#weakRefTo(value);
  }
  #parent: WeakRef<Book> | undefined;
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

export class Book {
  readonly chapters: Chapter[] = [];
}
