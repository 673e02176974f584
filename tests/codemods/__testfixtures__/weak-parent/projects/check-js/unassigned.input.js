/** A layer of a canvas stage; every layer is created inside its parent. */
export class Layer {
  /** @param {Layer | null} parent */
  constructor(parent) {
    /** @type {Layer | null} */
    this.parent = parent;
    /** @type {Layer[]} */
    this.children = [];
    parent?.children.push(this);
  }
}
