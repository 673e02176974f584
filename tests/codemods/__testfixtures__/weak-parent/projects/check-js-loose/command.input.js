// checkJs without noImplicitAny and strictNullChecks (commander.js's settings): untyped members
// type-check, so an untyped field is rewritten.
export class Command {
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
}

/** A typed field in the same project: its store is typed, the helper is not (JSDoc `object` reads as `any` here). */
export class Option {
  /** @type {Command | null} */
  parent = null;
  /** @type {Option[]} */
  aliases = [];
}
