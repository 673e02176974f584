export class Cursor {
  #parent = 0;
  parent: Cursor | null = null;

  depth(): number {
    return this.#parent;
  }
}
