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
  static #weakRefs = new WeakMap();
  static #weakRefTo(target) {
    let ref = Node.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Node.#weakRefs.set(target, ref);
    }
    return ref;
  }
}
