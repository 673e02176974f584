export class Widget {
  parent: Widget | null = null;
  readonly children: Widget[] = [];

  add(child: Widget): void {
    child.parent = this;
    this.children.push(child);
  }
}
