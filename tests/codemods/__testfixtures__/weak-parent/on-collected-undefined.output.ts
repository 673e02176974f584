export class Scope {
  get parent(): Scope | null | undefined {
    const ref = this.#parent;
    return ref == null ? ref : ref.deref();
  }
  set parent(value: Scope | null | undefined) {
    this.#parent = value == null ? value : this.#weakRefTo(value);
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
