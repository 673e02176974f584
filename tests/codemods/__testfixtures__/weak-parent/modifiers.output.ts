class Panel {
  readonly widgets: Widget[] = [];
}

export class Widget {
  public get parent(): Panel | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Widget.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  public set parent(value: Panel | null) {
    this.#parent = value == null ? value : Widget.#weakRefTo(value);
  }
  #parent: WeakRef<Panel> | null = null;
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

export class Label {
  protected get parent(): Panel | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Label.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  protected set parent(value: Panel | null) {
    this.#parent = value == null ? value : Label.#weakRefTo(value);
  }
  #parent: WeakRef<Panel> | null = null;
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

export class Button {
  private get parent(): Panel | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Button.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  private set parent(value: Panel | null) {
    this.#parent = value == null ? value : Button.#weakRefTo(value);
  }
  #parent: WeakRef<Panel> | null = null;

  mount(panel: Panel): void {
    this.parent = panel;
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
