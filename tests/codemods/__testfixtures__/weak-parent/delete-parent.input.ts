export class Link {
  parent?: Link;

  unlink(): void {
    delete this.parent;
  }
}
