// The same 1:1 pair in JavaScript, where only the values say what `child` holds.
export class Layer {
  constructor(base) {
    this.parent = base ?? null;
    this.child = null;
    if (base) base.child = this;
  }
}

// `child` here is a list, so Group is a tree and its `parent` is rewritten.
export class Group {
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Group.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Group.#weakRefTo(value);
  }
  #parent;

  constructor() {
    this.parent = null;
    this.child = [];
  }
  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}
