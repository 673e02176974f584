/** A heading of a document outline; sections nest. */
export class Section {
  /**
   * The section this one is nested in; null at the top.
   * @type {Section | null}
   */
  parent = null;
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
  parent = currentFrame();
  /** @type {Set<Frame>} */
  children = new Set();
}
