// Without semicolons, a member that starts with `*` or `[` is guarded by a leading `;`.
export class Node {
  parent = null
  ;*walk() {
    yield this
  }
}

export class List {
  *[Symbol.iterator]() {
    yield this
  }

  adopt(list) {
    list.parent = this
    this.parent = null
  }
}
