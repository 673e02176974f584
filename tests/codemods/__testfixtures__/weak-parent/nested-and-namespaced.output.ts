export namespace Forest {
  export class Tree {
    get parent(): Tree | null {
      const ref = this.#parent;
      if (ref == null) return ref;
      const target = ref.deref();
      if (target === undefined) {
        throw new ReferenceError(
          'Tree.parent is no longer available: the object it referred to has been garbage-collected.',
        );
      }
      return target;
    }
    set parent(value: Tree | null) {
      this.#parent = value == null ? value : Tree.#weakRefTo(value);
    }
    #parent: WeakRef<Tree> | null = null;
    #selfRef: WeakRef<object> | undefined;
    static #weakRefTo<T extends object>(target: T): WeakRef<T> {
      if (!(#selfRef in target)) return new WeakRef(target);
      target.#selfRef ??= new WeakRef(target);
      return target.#selfRef as WeakRef<T>;
    }
  }
}

export function makeNode(): object {
  class Local {
    get parent(): Local | undefined {
      const ref = this.#parent;
      if (ref == null) return ref;
      const target = ref.deref();
      if (target === undefined) {
        throw new ReferenceError(
          'Local.parent is no longer available: the object it referred to has been garbage-collected.',
        );
      }
      return target;
    }
    set parent(value: Local | undefined) {
      this.#parent = value == null ? value : Local.#weakRefTo(value);
    }
    #parent: WeakRef<Local> | undefined;
    #selfRef: WeakRef<object> | undefined;
    static #weakRefTo<T extends object>(target: T): WeakRef<T> {
      if (!(#selfRef in target)) return new WeakRef(target);
      target.#selfRef ??= new WeakRef(target);
      return target.#selfRef as WeakRef<T>;
    }
  }
  return new Local();
}
