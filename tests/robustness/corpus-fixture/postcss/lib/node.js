'use strict'

// CommonJS with a parent-linked tree, the way a CSS AST is built.
class Node {
  constructor(defaults = {}) {
    this.raws = {}
    this.parent = undefined
    for (const name in defaults) this[name] = defaults[name]
  }

  remove() {
    if (this.parent) this.parent.removeChild(this)
    this.parent = undefined
    return this
  }

  root() {
    let result = this
    while (result.parent && result.parent.type !== 'document') result = result.parent
    return result
  }
}

class Container extends Node {
  constructor(defaults) {
    super(defaults)
    if (!this.nodes) this.nodes = []
  }

  append(...children) {
    for (const child of children) {
      if (child.parent) child.parent.removeChild(child)
      child.parent = this
      this.nodes.push(child)
    }
    return this
  }

  removeChild(child) {
    const index = this.nodes.indexOf(child)
    if (index !== -1) this.nodes.splice(index, 1)
    child.parent = undefined
    return this
  }
}

module.exports = Node
module.exports.Container = Container
Node.default = Node
