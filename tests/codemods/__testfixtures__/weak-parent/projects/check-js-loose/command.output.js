// checkJs without noImplicitAny and strictNullChecks (commander.js's settings): untyped members
// type-check, so an untyped field is rewritten.
export class Command {
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Command.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : Command.#weakRefTo(value);
  }
  #parent;

  /** @param {string} name */
  constructor(name) {
    this.name = name;
    /** @type {Command[]} */
    this.commands = [];
    this.parent = null;
  }

  /** @param {string} name */
  command(name) {
    const sub = new Command(name);
    sub.parent = this;
    this.commands.push(sub);
    return sub;
  }

  /** @returns {string} */
  fullName() {
    return this.parent ? `${this.parent.fullName()} ${this.name}` : this.name;
  }

  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}

/** A typed field in the same project: its store is typed, the helper is not (JSDoc `object` reads as `any` here). */
export class Option {
  /** @type {Command | null} */
  get parent() {
    const ref = this.#parent;
    if (ref == null) return /** @type {null} */ (ref);
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Option.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent =
      value == null ? /** @type {null} */ (value) : Option.#weakRefTo(value);
  }
  /** @type {WeakRef<Command> | null} */
  #parent = null;
  /** @type {Option[]} */
  aliases = [];
  #selfRef;
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef;
  }
}
