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

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
