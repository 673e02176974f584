/** A scope in a symbol table. */
class Scope {
  /** The enclosing scope, or null at the top. */
  parent = null;
  names = new Map();

  lookup(name) {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }
}

module.exports = { Scope };
