export class Leaf {
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Leaf.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Leaf.#weakRefTo(value);
  }
  #parent = this.#defineParent(null);
  static #parentProperty = {
    ...Object.getOwnPropertyDescriptor(this.prototype, 'parent'),
    enumerable: true,
  };
  #defineParent(value) {
    Object.defineProperty(this, 'parent', Leaf.#parentProperty);
    return value;
  }
  children = [];

  append(child) {
    child.parent = this;
    this.children.push(child);
  }

  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}
