class Menu {
  items: MenuItem[] = [];
}

class MenuItem {
  get parent(): Menu | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'MenuItem.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Menu | undefined) {
    this.#parent = value == null ? value : MenuItem.#weakRefTo(value);
  }
  #parent: WeakRef<Menu> | undefined;

  attach(menu: Menu): void {
    this.parent = menu;
    menu.items.push(this);
  }

  detach(): void {
    this.parent = undefined;
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

export { Menu, MenuItem };
