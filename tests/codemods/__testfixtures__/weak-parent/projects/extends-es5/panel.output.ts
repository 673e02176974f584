export class Panel {
  get parent(): Panel | null {
    const ref = this._parentRef;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Panel.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Panel | null) {
    this._parentRef = value == null ? value : new WeakRef(value);
  }
  private _parentRef: WeakRef<Panel> | null = null;
  readonly children: Panel[] = [];

  add(child: Panel): void {
    child.parent = this;
    this.children.push(child);
  }
}
