/** A heading of a document outline; sections nest. */
export class Section {
  /**
   * The section this one is nested in; null at the top.
   * @type {Section | null}
   */
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Section.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Section.#weakRefTo(value);
  }
  /** @type {WeakRef<Section> | null} */
  #parent = null;
  /** @type {Section[]} */
  sections = [];

  /** @param {string} title */
  constructor(title) {
    this.title = title;
  }

  /** @param {Section} section */
  add(section) {
    section.parent = this;
    this.sections.push(section);
    return section;
  }

  /** @returns {number} */
  level() {
    return this.parent ? this.parent.level() + 1 : 0;
  }

  /** @returns {string[]} */
  path() {
    /** @type {string[]} */
    const titles = [];
    for (let at = /** @type {Section | null} */ (this); at !== null; at = at.parent) titles.unshift(at.title);
    return titles;
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

/** @returns {Frame | undefined} */
function currentFrame() {
  return Frame.stack.at(-1);
}

/** A call frame; new frames start inside the current one. */
export class Frame {
  /** @type {Frame[]} */
  static stack = [];

  /** @type {Frame | undefined} */
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Frame.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Frame.#weakRefTo(value);
  }
  /** @type {WeakRef<Frame> | undefined} */
  #parent =
    ((/** @type {Frame | undefined} */ value) => (value == null ? value : Frame.#weakRefTo(value)))(currentFrame());
  /** @type {Set<Frame>} */
  children = new Set();

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
