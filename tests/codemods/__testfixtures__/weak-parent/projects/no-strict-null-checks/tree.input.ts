// Without strictNullChecks `ref == null` does not narrow the store, so the getter casts what it returns.
export class TreeNode {
  parent: TreeNode | null = null;
  readonly children: TreeNode[] = [];

  add(child: TreeNode): void {
    child.parent = this;
    this.children.push(child);
  }
}

export class Leaf {
  constructor(public parent: Branch) {
    parent.leaves.push(this);
  }
}

export class Branch {
  readonly leaves: Leaf[] = [];
}
