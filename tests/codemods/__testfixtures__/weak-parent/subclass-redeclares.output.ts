// Two classes of one inheritance chain declare `parent`: an accessor in either would conflict
// with the field in the other, so the whole chain keeps its fields.
class Node {
  parent?: Node | null;
}

export class Leaf extends Node {
  parent: Node | null = null;
}

// Three levels: the middle class does not declare the field, the chain still links the others.
export class Shape {
  protected parent: Shape | null = null;
}

export class Polygon extends Shape {
  sides = 3;
}

export class Triangle extends Polygon {
  protected parent: Polygon | null = null;
}

