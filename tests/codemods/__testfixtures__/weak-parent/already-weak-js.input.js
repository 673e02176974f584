export class Weak {
  constructor(parent) {
    this.parent = new WeakRef(parent);
  }
}
