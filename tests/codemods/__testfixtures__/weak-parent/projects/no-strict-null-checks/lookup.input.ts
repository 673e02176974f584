export class Scope {
  parent?: Scope;
  readonly scopes: Scope[] = [];
}
