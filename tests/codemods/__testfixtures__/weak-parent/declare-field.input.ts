class Base {
  parent: Base | null = null;
}

export class Derived extends Base {
  declare parent: Derived | null;
}
