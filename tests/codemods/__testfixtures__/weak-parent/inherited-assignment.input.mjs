// The base class owns `parent`; subclasses only assign it, through the base class's accessor.
export class Node {
  constructor(parent = null) {
    this.parent = parent;
  }
}

export class Element extends Node {
  attach(parent) {
    this.parent = parent;
  }
}

export class Button extends Element {
  constructor(parent) {
    super(parent);
    this.parent = parent;
  }
}

const root = new Node();
const button = new Button(root);
button.attach(new Element());
button.attach(root);
if (button.parent !== root) throw new Error('parent not kept');
