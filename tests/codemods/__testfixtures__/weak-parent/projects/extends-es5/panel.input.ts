export class Panel {
  parent: Panel | null = null;
  readonly children: Panel[] = [];

  add(child: Panel): void {
    child.parent = this;
    this.children.push(child);
  }
}
