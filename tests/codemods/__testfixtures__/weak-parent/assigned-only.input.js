export class Node {
  constructor(parent) {
    this.parent = parent;
    this.children = [];
  }

  append(child) {
    child.parent = this;
    this.children.push(child);
  }

  detach() {
    this.parent = null;
  }
}
