export class Comment {
  text = '' /* trailing block */

  /* A block comment on its own line. */
  // And a line comment.
  /**
   * Builds a comment node.
   */
  constructor(parent) {
    this.parent = parent;
  }
}
