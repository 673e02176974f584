// @ts-nocheck
// This file opts out of checkJs, so its untyped field is rewritten as in any JavaScript file.
export class Shape {
  constructor() {
    this.parent = null;
    this.shapes = [];
  }

  add(shape) {
    shape.parent = this;
    this.shapes.push(shape);
  }
}
