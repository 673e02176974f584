export class Folder {
  readonly files: File[] = [];
}

export class File {
  public get parent(): Folder | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'File.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  public set parent(value: Folder | undefined) {
    this.#parent = value == null ? value : File.#weakRefTo(value);
  }
  #parent: WeakRef<Folder> | undefined;

  constructor(
    public name: string,
    parent?: Folder,
  ) {
    this.#parent = parent == null ? parent : File.#weakRefTo(parent);
  }
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
