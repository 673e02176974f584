declare function log(message: string): void;

class Element {
  constructor(readonly tag: string) {}

  log(): void {
    log(this.tag);
  }
}

export class Group extends Element {
  readonly members: Member[] = [];
}

export class Member extends Element {
  private get parent(): Group {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Member.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  readonly #parent!: WeakRef<Group>;

  /** Builds a member and registers it with its group. */
  constructor(
    parent: Group,
    tag: string,
  ) {
    super(tag);
    this.#parent = parent == null ? parent : Member.#weakRefTo(parent);
    parent.members.push(this);
  }

  group(): Group {
    return this.parent;
  }

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
