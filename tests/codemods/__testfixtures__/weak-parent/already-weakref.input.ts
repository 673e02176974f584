export class Leaf {
  parent: WeakRef<Branch> | null = null;
}

export class Branch {
  readonly leaves: Leaf[] = [];
}
