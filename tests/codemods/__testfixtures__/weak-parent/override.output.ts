class Base {
  parent: Base | null = null;
}

export class Special extends Base {
  override parent: Special | null = null;
}
