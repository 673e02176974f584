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
    this.#parent = value == null ? value : this.#weakRefTo(value);
  }
  #parent;

  constructor(parent = null) {
    this.parent = parent;
  }
  #weakRefTo(target) {
    if (!(#weakRefToThis in target)) return new WeakRef(target);
    let ref = target.#weakRefToThis;
    if (ref === undefined) {
      ref = new WeakRef(target);
      target.#weakRefToThis = ref;
    }
    return ref;
  }
  #weakRefToThis = undefined;
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
