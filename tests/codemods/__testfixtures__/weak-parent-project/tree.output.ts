// The type-aware mode rewrites what no-strong-parent-reference reports: `parentNode`, one of
// its back-reference names, but not a `parent` that nothing holds (Cursor); a symbol key and a
// `declare` field are reported but left alone with the rule's reasons.
export class TreeNode {
  get parentNode(): TreeNode | null {
    const ref = this.#parentNode;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'TreeNode.parentNode is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parentNode(value: TreeNode | null) {
    this.#parentNode = value == null ? value : TreeNode.#weakRefTo(value);
  }
  #parentNode: WeakRef<TreeNode> | null = null;
  readonly childNodes: TreeNode[] = [];

  append(child: TreeNode): void {
    child.parentNode = this;
    this.childNodes.push(child);
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}

// A linked list: `parent` here is no back reference of a tree, nothing holds the item.
export class Cursor {
  parent: Cursor | null = null;
  constructor(readonly value: number) {}
}

const kOwner = Symbol('owner');
export class Slot {
  [kOwner]: Board | null = null;
}
export class Board {
  readonly slots = new Set<Slot>();
}

export class Leaf {
  declare owner: Branch;
}
export class Branch {
  readonly leaves: Leaf[] = [];
}
