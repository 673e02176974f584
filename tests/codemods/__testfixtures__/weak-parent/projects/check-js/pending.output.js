/** A group of a scene; a group may be created before it is placed. */
export class Group {
  /** @type {Group | null | undefined} */
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Group.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Group.#weakRefTo(value);
  }
  /** @type {WeakRef<Group> | null | undefined} */
  #parent;

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

  /** @type {WeakRef<object> | undefined} */
  #selfRef;
  /**
   * @template {object} T
   * @param {T} target
   * @returns {WeakRef<T>}
   */
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return /** @type {WeakRef<T>} */ (target.#selfRef);
  }
}
