// --accessor=own adds a static #private descriptor, which a decorated class may not have under
// experimentalDecorators (TS18036): the decorated class is left alone, the other one rewritten.
declare function injectable(): ClassDecorator;

@injectable()
export class Service {
  parent: Container | null = null;
}

export class Container {
  get parent(): Container | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Container.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Container | null) {
    this.#parent = value == null ? value : Container.#weakRefTo(value);
  }
  #parent: WeakRef<Container> | null = this.#defineParent(null);
  static #parentProperty: PropertyDescriptor = {
    ...Object.getOwnPropertyDescriptor(this.prototype, 'parent'),
    enumerable: true,
  };
  #defineParent<V>(value: V): V {
    Object.defineProperty(this, 'parent', Container.#parentProperty);
    return value;
  }
  readonly children: Container[] = [];
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
