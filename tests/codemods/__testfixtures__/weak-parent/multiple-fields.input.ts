export class Document {
  readonly windows: Window[] = [];
}

export class Window {
  owner: Document | null = null;
  parent: Window | null = null;
  opener: Window | null = null;
}
