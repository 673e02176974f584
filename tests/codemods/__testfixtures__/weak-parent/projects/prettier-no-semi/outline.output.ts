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
    this.#parent = value == null ? value : this.#weakRefTo(value)
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
  #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#weakRefToThis in target)) return new WeakRef(target)
    let ref = target.#weakRefToThis
    if (ref === undefined) {
      ref = new WeakRef(target)
      target.#weakRefToThis = ref
    }
    return ref as WeakRef<T>
  }
  #weakRefToThis: WeakRef<object> | undefined = undefined
}
