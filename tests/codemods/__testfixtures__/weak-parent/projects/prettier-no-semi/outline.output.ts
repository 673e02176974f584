export class Heading {
  get parent(): Heading | null {
    const ref = this.#parent
    if (ref == null) return ref
    const target = ref.deref()
    if (target === undefined) {
      throw new ReferenceError(
        "Heading.parent is no longer available: the object it referred to has been garbage-collected.",
      )
    }
    return target
  }
  set parent(value: Heading | null) {
    this.#parent = value == null ? value : Heading.#weakRefTo(value)
  }
  #parent: WeakRef<Heading> | null = null
  readonly children: Heading[] = []

  constructor(readonly title: string) {}

  add(title: string): Heading {
    const heading = new Heading(title)
    heading.parent = this
    this.children.push(heading)
    return heading
  }
  static #weakRefs = new WeakMap<object, WeakRef<object>>()
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Heading.#weakRefs.get(target)
    if (ref === undefined) {
      ref = new WeakRef(target)
      Heading.#weakRefs.set(target, ref)
    }
    return ref as WeakRef<T>
  }
}
