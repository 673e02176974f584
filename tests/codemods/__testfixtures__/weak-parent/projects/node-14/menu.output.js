export class MenuItem {
  get parent() {
    const ref = this.#parent
    if (ref == null) return ref
    const target = ref.deref()
    if (target === undefined) {
      throw new ReferenceError(
        'MenuItem.parent is no longer available: the object it referred to has been garbage-collected.',
      )
    }
    return target
  }
  set parent(value) {
    this.#parent = value == null ? value : MenuItem.#weakRefTo(value)
  }
  #parent

  constructor(label) {
    this.label = label
    this.parent = null
    this.items = []
  }

  add(label) {
    const item = new MenuItem(label)
    item.parent = this
    this.items.push(item)
    return item
  }

  static #weakRefs = new WeakMap()
  static #weakRefTo(target) {
    let ref = MenuItem.#weakRefs.get(target)
    if (ref === undefined) {
      ref = new WeakRef(target)
      MenuItem.#weakRefs.set(target, ref)
    }
    return ref
  }
}
