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
  static #weakRefs = new WeakMap<object, WeakRef<object>>();
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Widget.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Widget.#weakRefs.set(target, ref);
    }
    return ref as WeakRef<T>;
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
  static #weakRefs = new WeakMap<object, WeakRef<object>>();
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Label.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Label.#weakRefs.set(target, ref);
    }
    return ref as WeakRef<T>;
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
  static #weakRefs = new WeakMap<object, WeakRef<object>>();
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Button.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Button.#weakRefs.set(target, ref);
    }
    return ref as WeakRef<T>;
  }
}
