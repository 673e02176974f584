export class Section {
  get parent(): Section | null {
    const ref = this._parentRef;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Section.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Section | null) {
    this._parentRef = value == null ? value : new WeakRef(value);
  }
  private _parentRef: WeakRef<Section> | null = null;
  readonly sections: Section[] = [];
}
