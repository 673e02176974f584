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
      this.#parent = value == null ? value : this.#weakRefTo(value);
    }
    #parent: WeakRef<Tree> | null = null;
    #weakRefTo<T extends object>(target: T): WeakRef<T> {
      if (!(#weakRefToThis in target)) return new WeakRef(target);
      let ref = target.#weakRefToThis;
      if (ref === undefined) {
        ref = new WeakRef(target);
        target.#weakRefToThis = ref;
      }
      return ref as WeakRef<T>;
    }
    #weakRefToThis: WeakRef<object> | undefined = undefined;
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
      this.#parent = value == null ? value : this.#weakRefTo(value);
    }
    #parent: WeakRef<Local> | undefined;
    #weakRefTo<T extends object>(target: T): WeakRef<T> {
      if (!(#weakRefToThis in target)) return new WeakRef(target);
      let ref = target.#weakRefToThis;
      if (ref === undefined) {
        ref = new WeakRef(target);
        target.#weakRefToThis = ref;
      }
      return ref as WeakRef<T>;
    }
    #weakRefToThis: WeakRef<object> | undefined = undefined;
  }
  return new Local();
}
