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
  static #parentProperty = {
    ...Object.getOwnPropertyDescriptor(this.prototype, 'parent'),
    enumerable: true,
  };

  constructor(name) {
    this.name = name;
    Object.defineProperty(this, 'parent', Node.#parentProperty);
    this.parent = null;
    this.children = [];
  }

  add(child) {
    child.parent = this;
    this.children.push(child);
    return child;
  }

  copy() {
    return Object.assign(new Node(this.name), this);
  }

  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}

export const Anonymous = class {
  parent = null;
};
