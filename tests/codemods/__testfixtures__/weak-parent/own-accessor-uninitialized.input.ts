// --accessor=own defines its store through the field's initializer, so a field declared without
// one holds `undefined` until the constructor writes it. A type without `undefined` cannot say
// that: such a field is left alone, the initialised one beside it is rewritten.
export class Scope {
  public parent: Scope | null;
  readonly children: Scope[] = [];

  constructor(parent: Scope | null) {
    this.parent = parent;
  }
}

export class Region {
  parent: Region | null = null;
  readonly children: Region[] = [];
}
