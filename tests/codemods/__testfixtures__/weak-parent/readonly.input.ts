export class Token {
  readonly parent: Token | null;
  readonly depth: number;

  constructor(parent: Token | null) {
    this.parent = parent;
    this.depth = parent ? parent.depth + 1 : 0;
  }
}
