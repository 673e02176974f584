// The node class that bench section 7 (weak-parent-tree) measures: a small DOM-like element with
// a strong `parent`. The bench rewrites it with the built weak-parent codemod in each mode.
export class Node {
  parent = null;
  children = [];
  attributes = {};

  constructor(name) {
    this.name = name;
  }

  append(child) {
    child.parent = this;
    this.children.push(child);
    return child;
  }
}
