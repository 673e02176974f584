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
    this.#parent = value == null ? value : this.#weakRefTo(value);
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
  #weakRefTo(target) {
    if (!(#weakRefToThis in target)) return new WeakRef(target);
    let ref = target.#weakRefToThis;
    if (ref === undefined) {
      ref = new WeakRef(target);
      target.#weakRefToThis = ref;
    }
    return ref;
  }
  #weakRefToThis = undefined;
}
