export class Widget {
  get parent(): Widget | null {
    const ref = this._parentRef;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Widget.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Widget | null) {
    this._parentRef = value == null ? value : new WeakRef(value);
  }
  private _parentRef: WeakRef<Widget> | null = null;
  readonly children: Widget[] = [];

  add(child: Widget): void {
    child.parent = this;
    this.children.push(child);
  }
}
