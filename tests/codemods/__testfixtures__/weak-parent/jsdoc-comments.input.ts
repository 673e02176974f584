export class Layer {
  /**
   * The layer this one is drawn into.
   * Set by {@link Layer.add}.
   */
  parent: Layer | null = null; // owner, if any

  // Children draw after their parent.
  readonly children: Layer[] = [];

  add(child: Layer): void {
    child.parent = this;
    this.children.push(child);
  }
}
