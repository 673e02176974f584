export class Pointer {
  constructor(parent) {
    this.parent = parent;
  }

  release() {
    delete this.parent;
  }
}
