export class Store {
  private _parentRef = 'cached';
  parent: Store | null = null;

  describe(): string {
    return this._parentRef;
  }
}
