class Panel {
  readonly widgets: Widget[] = [];
}

export class Widget {
  public parent: Panel | null = null;
}

export class Label {
  protected parent: Panel | null = null;
}

export class Button {
  private parent: Panel | null = null;

  mount(panel: Panel): void {
    this.parent = panel;
  }
}
