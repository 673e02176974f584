export class TreeNode {
  parent: TreeNode | null = null;
  readonly children: TreeNode[] = [];

  constructor(readonly name: string) {}

  add(child: TreeNode): TreeNode {
    child.parent = this;
    this.children.push(child);
    return child;
  }
}
