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
  parent: Row;

  constructor(parent: Row) {
    this.parent = parent;
    parent.cells.push(this);
  }
}
