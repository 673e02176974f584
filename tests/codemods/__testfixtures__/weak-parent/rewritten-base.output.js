// The base class was rewritten by an earlier run; a subclass that defines `parent` as a field
// again is left alone (the field would hide the accessor), and the base stays as it is.
class Node {
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Node.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent = null;
}

export class Leaf extends Node {
  parent = null;
}
