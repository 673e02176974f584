// With experimentalDecorators a decorated class may not have a static #private member (TS18036),
// so the decorated class gets a WeakRef per child and no sharing helper; the other class shares.
declare function injectable(): ClassDecorator;

@injectable()
export class Service {
  get parent(): Container | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Service.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Container | null) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Container> | null = null;
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
  #parent: WeakRef<Container> | null = null;
  readonly children: Container[] = [];

  createChild(): Container {
    const child = new Container();
    child.parent = this;
    this.children.push(child);
    return child;
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
