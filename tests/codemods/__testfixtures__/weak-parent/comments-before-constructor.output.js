export class Comment {
  text = '' /* trailing block */

  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Comment.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Comment.#weakRefTo(value);
  }
  #parent;

  /* A block comment on its own line. */
  // And a line comment.
  /**
   * Builds a comment node.
   */
  constructor(parent) {
    this.parent = parent;
  }
  static #weakRefs = new WeakMap();
  static #weakRefTo(target) {
    let ref = Comment.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Comment.#weakRefs.set(target, ref);
    }
    return ref;
  }
}
