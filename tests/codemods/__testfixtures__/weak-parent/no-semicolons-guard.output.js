// Without semicolons, a member that starts with `*` or `[` is guarded by a leading `;`.
export class Node {
  get parent() {
    const ref = this.#parent
    if (ref == null) return ref
    const target = ref.deref()
    if (target === undefined) {
      throw new ReferenceError(
        'Node.parent is no longer available: the object it referred to has been garbage-collected.',
      )
    }
    return target
  }
  set parent(value) {
    this.#parent = value == null ? value : Node.#weakRefTo(value)
  }
  #parent = null
  ;*walk() {
    yield this
  }
  #selfRef
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target)
    target.#selfRef ??= new WeakRef(target)
    return target.#selfRef
  }
}

export class List {
  get parent() {
    const ref = this.#parent
    if (ref == null) return ref
    const target = ref.deref()
    if (target === undefined) {
      throw new ReferenceError(
        'List.parent is no longer available: the object it referred to has been garbage-collected.',
      )
    }
    return target
  }
  set parent(value) {
    this.#parent = value == null ? value : List.#weakRefTo(value)
  }
  #parent;

  *[Symbol.iterator]() {
    yield this
  }

  adopt(list) {
    list.parent = this
    this.parent = null
  }

  #selfRef
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target)
    target.#selfRef ??= new WeakRef(target)
    return target.#selfRef
  }
}
