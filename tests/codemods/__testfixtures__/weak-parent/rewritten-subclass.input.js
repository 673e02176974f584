// A subclass rewritten by an older version of this codemod below a base class that still has
// the field: the base is left alone and reported, and the subclass stays as it is.
class Node {
  parent = null;
}

export class Leaf extends Node {
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Leaf.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent = null;
}
