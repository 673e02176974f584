export class Element {
  name: string;
  get parent(): Element | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Element.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Element | null) {
    this.#parent = value == null ? value : Element.#weakRefTo(value);
  }
  #parent: WeakRef<Element> | null = this.#defineParent(null);
  static #parentProperty: PropertyDescriptor = {
    ...Object.getOwnPropertyDescriptor(this.prototype, 'parent'),
    enumerable: true,
  };
  #defineParent<V>(value: V): V {
    Object.defineProperty(this, 'parent', Element.#parentProperty);
    return value;
  }
  children: Element[] = [];

  constructor(name: string) {
    this.name = name;
  }

  append(child: Element): void {
    child.parent = this;
    this.children.push(child);
  }

  toJSON(): object {
    return { ...this, children: this.children.length };
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
