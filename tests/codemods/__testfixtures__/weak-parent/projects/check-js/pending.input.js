/** A group of a scene; a group may be created before it is placed. */
export class Group {
  /** @param {Group} [parent] */
  constructor(parent) {
    /** @type {Group | null | undefined} */
    this.parent = parent;
    /** @type {Map<string, Group>} */
    this.groups = new Map();
  }

  /**
   * @param {string} name
   * @param {Group} group
   */
  put(name, group) {
    group.parent = this;
    this.groups.set(name, group);
  }

  /** @returns {Group} */
  root() {
    return this.parent ? this.parent.root() : this;
  }
}
