/** A placeholder for a parent that has not arrived yet: only the item holds it. */
export class PendingParent {
  /** @param {number} id */
  constructor(id) {
    this.id = id;
  }
}

/** An item of a shared list; its parent may still be a placeholder. */
export class Item {
  /** @type {List | PendingParent | null} */
  parent = null;
}

export class List {
  /** @type {Item[]} */
  items = [];
}
