function copyNode(source, parent) {
  const target = new source.constructor();
  for (const key in source) {
    if (!Object.prototype.hasOwnProperty.call(source, key)) continue;
    if (key === 'parent') target.parent = parent;
    else target[key] = source[key];
  }
  return target;
}

export class CssNode {
  constructor(parent) {
    this.parent = parent;
  }

  clone() {
    return copyNode(this, this.parent);
  }
}
