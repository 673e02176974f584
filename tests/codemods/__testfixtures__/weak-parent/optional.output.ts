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
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Menu> | undefined;

  attach(menu: Menu): void {
    this.parent = menu;
    menu.items.push(this);
  }

  detach(): void {
    this.parent = undefined;
  }
}

export { Menu, MenuItem };
