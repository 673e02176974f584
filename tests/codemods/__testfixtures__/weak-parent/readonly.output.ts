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
  static #weakRefs = new WeakMap<object, WeakRef<object>>();
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Token.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Token.#weakRefs.set(target, ref);
    }
    return ref as WeakRef<T>;
  }
}
