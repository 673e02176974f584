function tracked(_value: undefined, _context: ClassFieldDecoratorContext): void {}

export class Observable {
  @tracked parent: Observable | null = null;
}
