export class Node {
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Node.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Node.#weakRefTo(value);
  }
  #parent;

  constructor(parent) {
    this.parent = parent;
    this.children = [];
  }

  append(child) {
    child.parent = this;
    this.children.push(child);
  }

  detach() {
    this.parent = null;
  }

  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}
