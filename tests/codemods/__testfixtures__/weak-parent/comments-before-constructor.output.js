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

  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}
