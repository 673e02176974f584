export namespace Forest {
  export class Tree {
    parent: Tree | null = null;
  }
}

export function makeNode(): object {
  class Local {
    parent: Local | undefined;
  }
  return new Local();
}
