export class Record {
  constructor(parent) {
    this.parent = parent;
  }

  toObject() {
    const copy = {};
    for (const key in this) copy[key] = this[key];
    return copy;
  }
}
