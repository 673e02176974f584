// Base and subclass both define `parent`: neither is rewritten.
class Node {
  parent = null;
}

export class Leaf extends Node {
  parent = null;
}

// The base only assigns `this.parent`, the subclass declares it: neither is rewritten either.
export class Item {
  constructor(parent) {
    this.parent = parent;
  }
}

export class Entry extends Item {
  parent = null;
}
