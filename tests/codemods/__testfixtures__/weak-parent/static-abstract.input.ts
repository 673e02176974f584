export abstract class Shape {
  static parent: Shape | null = null;
  abstract parent: Shape | null;
}
