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
  static #weakRefs = new WeakMap<object, WeakRef<object>>();
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Chapter.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Chapter.#weakRefs.set(target, ref);
    }
    return ref as WeakRef<T>;
  }
}

export class Book {
  readonly chapters: Chapter[] = [];
}
