export class TreeNode<T> {
  parent: TreeNode<T> | null = null;
  children: TreeNode<T>[] = [];

  constructor(public value: T) {}
}

export class Box<Owner extends object> {
  parent: Owner | undefined;
}
