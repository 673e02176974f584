class Menu {
  items: MenuItem[] = [];
}

class MenuItem {
  parent?: Menu;

  attach(menu: Menu): void {
    this.parent = menu;
    menu.items.push(this);
  }

  detach(): void {
    this.parent = undefined;
  }
}

export { Menu, MenuItem };
