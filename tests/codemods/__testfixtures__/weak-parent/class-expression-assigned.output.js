const exportsObject = {};
exportsObject.Node = class {
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
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent;

  constructor(parent) {
    this.parent = parent;
  }
};
export default exportsObject;
