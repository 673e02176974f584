export class Scope {
  parent: Scope | null = null;
  readonly scopes: Scope[] = [];

  nest(): Scope {
    const scope = new Scope();
    scope.parent = this;
    this.scopes.push(scope);
    return scope;
  }

  depth(): number {
    return this.parent ? this.parent.depth() + 1 : 0;
  }
}
