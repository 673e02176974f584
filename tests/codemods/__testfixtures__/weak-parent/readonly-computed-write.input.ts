declare function lookupOwner(id: number): Owner | undefined;

interface Owner {
  id: number;
}

export class Pet {
  private readonly parent?: Owner;

  constructor(ownerId: number) {
    this.parent = lookupOwner(ownerId);
  }

  ownerId(): number | undefined {
    return this.parent?.id;
  }
}
