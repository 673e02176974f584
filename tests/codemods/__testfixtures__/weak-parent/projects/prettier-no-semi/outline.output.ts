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

  #selfRef: WeakRef<object> | undefined
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target)
    target.#selfRef ??= new WeakRef(target)
    return target.#selfRef as WeakRef<T>
  }
}
