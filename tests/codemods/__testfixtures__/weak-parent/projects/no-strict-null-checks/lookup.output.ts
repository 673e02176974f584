export class Scope {
  get parent(): Scope | undefined {
    const ref = this.#parent;
    return ref == null ? (ref as undefined) : ref.deref();
  }
  set parent(value: Scope | undefined) {
    this.#parent =
      value == null ? (value as undefined) : Scope.#weakRefTo(value);
  }
  #parent: WeakRef<Scope> | undefined;
  readonly scopes: Scope[] = [];
  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
