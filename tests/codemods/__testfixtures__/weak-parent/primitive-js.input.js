export class Path {
  constructor() {
    this.parent = '..';
  }
}
