declare function log(message: string): void;

class Element {
  constructor(readonly tag: string) {}

  log(): void {
    log(this.tag);
  }
}

export class Group extends Element {
  readonly members: Member[] = [];
}

export class Member extends Element {
  /** Builds a member and registers it with its group. */
  constructor(
    private readonly parent: Group,
    tag: string,
  ) {
    super(tag);
    parent.members.push(this);
  }

  group(): Group {
    return this.parent;
  }
}
