declare function show(element: unknown): void;

export class Slot {
  constructor(protected parent: Slot | null = null) {
    show(<slot />);
  }
}
