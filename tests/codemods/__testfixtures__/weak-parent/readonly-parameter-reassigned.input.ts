export class Model {
  readonly children: Model[] = [];

  constructor(
    public readonly parent: Model,
    public readonly name: string,
  ) {
    this.parent = parent;
    if (parent) parent.children.push(this);
  }
}
