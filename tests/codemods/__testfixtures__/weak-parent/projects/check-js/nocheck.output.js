// @ts-nocheck
// This file opts out of checkJs, so its untyped field is rewritten as in any JavaScript file.
export class Shape {
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Shape.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Shape.#weakRefTo(value);
  }
  #parent;

  constructor() {
    this.parent = null;
    this.shapes = [];
  }

  add(shape) {
    shape.parent = this;
    this.shapes.push(shape);
  }

  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}
