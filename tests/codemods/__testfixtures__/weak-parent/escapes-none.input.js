// Nothing public hands out nodes: the notice says so, and still warns about kept nodes.
export class Cell {
  #cells = [];

  constructor() {
    this.parent = null;
  }

  #adopt(cell) {
    cell.parent = this;
    this.#cells.push(cell);
  }

  size() {
    return this.#cells.length;
  }
}
