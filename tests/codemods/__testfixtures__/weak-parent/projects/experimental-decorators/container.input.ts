// With experimentalDecorators a decorated class may not have a static #private member (TS18036),
// so the decorated class gets a WeakRef per child and no sharing helper; the other class shares.
declare function injectable(): ClassDecorator;

@injectable()
export class Service {
  parent: Container | null = null;
}

export class Container {
  parent: Container | null = null;
  readonly children: Container[] = [];

  createChild(): Container {
    const child = new Container();
    child.parent = this;
    this.children.push(child);
    return child;
  }
}
