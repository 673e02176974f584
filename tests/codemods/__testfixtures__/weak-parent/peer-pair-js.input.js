// The same 1:1 pair in JavaScript, where only the values say what `child` holds.
export class Layer {
  constructor(base) {
    this.parent = base ?? null;
    this.child = null;
    if (base) base.child = this;
  }
}

// `child` here is a list, so Group is a tree and its `parent` is rewritten.
export class Group {
  constructor() {
    this.parent = null;
    this.child = [];
  }
}
