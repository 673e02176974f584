// The base class owns `parent`; subclasses only assign it, through the base class's accessor.
export class Node {
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Node.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Node.#weakRefTo(value);
  }
  #parent;

  constructor(parent = null) {
    this.parent = parent;
  }
  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
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
