export class MenuItem {
  get parent() {
    const ref = this.#parent
    if (ref == null) return ref
    const target = ref.deref()
    if (target === undefined) {
      throw new ReferenceError(
        "MenuItem.parent is no longer available: the object it referred to has been garbage-collected.",
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

  #selfRef
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target)
    target.#selfRef ??= new WeakRef(target)
    return target.#selfRef
  }
}
