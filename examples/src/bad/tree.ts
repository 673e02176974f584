// A tree whose children hold their parent strongly. Any child that outlives the tree in a
// cache, a selection or a listener keeps its parent, and through `children` every sibling
// and their payloads, alive.
export class TreeNode {
  parent: TreeNode | null = null;
  readonly children = new Set<TreeNode>();

  constructor(
    readonly name: string,
    readonly payload: Uint8Array = new Uint8Array(0),
  ) {}

  add(child: TreeNode): TreeNode {
    child.parent = this;
    this.children.add(child);
    return child;
  }

  path(): string {
    return this.parent === null ? this.name : `${this.parent.path()}/${this.name}`;
  }
}
