// The base class does not have `parent`; each subclass declares its own, so each subclass gets
// its own accessor and store.
export class Group {
  name = 'group';
}

export class Layer extends Group {
  parent: Group | null = null;
}

export class Folder extends Group {
  constructor(public parent?: Folder) {
    super();
  }
}
