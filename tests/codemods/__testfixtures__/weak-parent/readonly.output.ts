export class Token {
  get parent(): Token | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Token.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  readonly #parent!: WeakRef<Token> | null;
  readonly depth: number;

  constructor(parent: Token | null) {
    this.#parent = parent == null ? parent : Token.#weakRefTo(parent);
    this.depth = parent ? parent.depth + 1 : 0;
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
