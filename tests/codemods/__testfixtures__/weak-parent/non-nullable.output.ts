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
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent!: WeakRef<Row>;

  constructor(parent: Row) {
    this.parent = parent;
    parent.cells.push(this);
  }
}
