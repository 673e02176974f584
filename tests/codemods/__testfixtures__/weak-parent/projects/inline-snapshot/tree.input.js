export class Leaf {
  parent = null;
  children = [];

  append(child) {
    child.parent = this;
    this.children.push(child);
  }
}
