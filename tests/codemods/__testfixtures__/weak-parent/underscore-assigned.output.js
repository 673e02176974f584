function Base() {}

class Item extends Base {
  get parent() {
    const ref = this._parentRef;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Item.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this._parentRef = value == null ? value : new WeakRef(value);
  }

  constructor(parent) {
    super();
    this.parent = parent;
  }
}

module.exports = Item;
