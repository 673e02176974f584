interface Scope {
  names: Set<string>;
}

export class Binding {
  parent: Scope | undefined;

  constructor(parent?: Scope) {
    this.parent = parent;
  }
}
