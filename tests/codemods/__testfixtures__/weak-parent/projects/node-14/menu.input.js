export class MenuItem {
  constructor(label) {
    this.label = label
    this.parent = null
    this.items = []
  }

  add(label) {
    const item = new MenuItem(label)
    item.parent = this
    this.items.push(item)
    return item
  }
}
