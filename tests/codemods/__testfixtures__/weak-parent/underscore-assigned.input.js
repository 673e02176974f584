function Base() {}

class Item extends Base {
  constructor(parent) {
    super();
    this.parent = parent;
  }
}

module.exports = Item;
