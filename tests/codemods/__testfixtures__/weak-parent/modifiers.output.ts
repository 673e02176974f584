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
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Panel> | null = null;
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
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Panel> | null = null;
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
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Panel> | null = null;

  mount(panel: Panel): void {
    this.parent = panel;
  }
}
