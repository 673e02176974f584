export class Slot<P> {
  parent: P | null = null;
}

export class Keyed<K extends string> {
  parent: K | undefined;
}
