/** A scope in a symbol table. */
class Scope {
  /** The enclosing scope, or null at the top. */
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Scope.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Scope.#weakRefTo(value);
  }
  #parent = null;
  names = new Map();

  lookup(name) {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }

  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}

module.exports = { Scope };
