export class Handle {
  get parent() {
    return this.owner;
  }

  set parent(value) {
    this.owner = value;
  }

  constructor(parent) {
    this.parent = parent;
  }
}
