export class Element {
  name: string;
  parent: Element | null = null;
  children: Element[] = [];

  constructor(name: string) {
    this.name = name;
  }

  append(child: Element): void {
    child.parent = this;
    this.children.push(child);
  }

  toJSON(): object {
    return { ...this, children: this.children.length };
  }
}
