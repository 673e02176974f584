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
    this.#parent = value == null ? value : this.#weakRefTo(value);
  }
  #parent;

  constructor(parent) {
    this.parent = parent;
  }
  #weakRefTo(target) {
    if (!(#weakRefToThis in target)) return new WeakRef(target);
    let ref = target.#weakRefToThis;
    if (ref === undefined) {
      ref = new WeakRef(target);
      target.#weakRefToThis = ref;
    }
    return ref;
  }
  #weakRefToThis = undefined;
};
export default exportsObject;
