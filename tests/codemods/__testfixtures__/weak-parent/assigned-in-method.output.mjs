export default class Edge {
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Edge.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Edge.#weakRefTo(value);
  }
  #parent;

  // Endpoints are set later.
  connect(from) {
    this.parent ??= from;
    return this;
  }
  static #weakRefs = new WeakMap();
  static #weakRefTo(target) {
    let ref = Edge.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Edge.#weakRefs.set(target, ref);
    }
    return ref;
  }
}
