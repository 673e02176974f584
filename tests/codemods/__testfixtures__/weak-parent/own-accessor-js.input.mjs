export class Node {
  constructor(name) {
    this.name = name;
    this.parent = null;
    this.children = [];
  }

  add(child) {
    child.parent = this;
    this.children.push(child);
    return child;
  }

  copy() {
    return Object.assign(new Node(this.name), this);
  }
}

export const Anonymous = class {
  parent = null;
};
