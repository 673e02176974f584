export class Cell {
  row: Row;

  constructor(row: Row) {
    this.row = row;
  }
}

export class Row {
  readonly cells: Column[] = [];
}

export class Column {
  get parent(): Row {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Column.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Row) {
    this.#parent = value == null ? value : Column.#weakRefTo(value);
  }
  #parent!: WeakRef<Row>;

  constructor(parent: Row) {
    this.parent = parent;
    parent.cells.push(this);
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
