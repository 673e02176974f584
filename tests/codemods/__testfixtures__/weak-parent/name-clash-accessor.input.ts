export class View {
  #owner: View | null = null;

  get parent(): View | null {
    return this.#owner;
  }

  set parent(value: View | null) {
    this.#owner = value;
  }
}
