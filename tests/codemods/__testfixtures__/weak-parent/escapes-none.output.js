// Nothing public hands out nodes: the notice says so, and still warns about kept nodes.
export class Cell {
  #cells = [];

  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Cell.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Cell.#weakRefTo(value);
  }
  #parent;

  constructor() {
    this.parent = null;
  }

  #adopt(cell) {
    cell.parent = this;
    this.#cells.push(cell);
  }

  size() {
    return this.#cells.length;
  }

  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}
