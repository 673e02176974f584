export class Folder {
  constructor() {
    /** @type {Folder | null} */
    this.parent = null;
    /** @type {Folder[]} */
    this.children = [];
  }

  /** @param {Folder} child */
  add(child) {
    child.parent = this;
    this.children.push(child);
  }
}
