export class Scope {
  get parent(): Scope | null | undefined {
    const ref = this.#parent;
    return ref == null ? ref : ref.deref();
  }
  set parent(value: Scope | null | undefined) {
    this.#parent = value == null ? value : Scope.#weakRefTo(value);
  }
  #parent: WeakRef<Scope> | null | undefined = null;
  readonly scopes: Scope[] = [];

  nest(): Scope {
    const scope = new Scope();
    scope.parent = this;
    this.scopes.push(scope);
    return scope;
  }

  depth(): number {
    return this.parent ? this.parent.depth() + 1 : 0;
  }
  static #weakRefs = new WeakMap<object, WeakRef<object>>();
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Scope.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Scope.#weakRefs.set(target, ref);
    }
    return ref as WeakRef<T>;
  }
}
