// --accessor=own adds a static #private descriptor, which a decorated class may not have under
// experimentalDecorators (TS18036): the decorated class is left alone, the other one rewritten.
declare function injectable(): ClassDecorator;

@injectable()
export class Service {
  parent: Container | null = null;
}

export class Container {
  parent: Container | null = null;
  readonly children: Container[] = [];
}
