// Nothing to report: a weak back reference, and a held value that does not reach its target.
export class Folder {
  /** @type {WeakRef<Folder> | null} */
  #parent = null;
  /** @type {Folder[]} */
  children = [];

  get parent() {
    return this.#parent?.deref() ?? null;
  }
}
