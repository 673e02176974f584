// @ts-check
/** A node of a menu; entries nest. */
class MenuEntry {
  constructor(label) {
    this.label = label;
    this.parent = null;
    this.entries = [];
  }

  add(entry) {
    entry.parent = this;
    this.entries.push(entry);
  }
}

module.exports = { MenuEntry };
