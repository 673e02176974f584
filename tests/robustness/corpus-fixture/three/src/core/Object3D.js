// An untyped scene-graph node: a strong parent beside the children that point back at it.
let nextId = 0;

class Object3D {
  constructor() {
    this.id = nextId++;
    this.name = '';
    this.parent = null;
    this.children = [];
    this.visible = true;
  }

  add(object) {
    if (object === this) return this;
    if (object.parent !== null) object.parent.remove(object);
    object.parent = this;
    this.children.push(object);
    return this;
  }

  remove(object) {
    const index = this.children.indexOf(object);
    if (index !== -1) {
      object.parent = null;
      this.children.splice(index, 1);
    }
    return this;
  }

  traverse(callback) {
    callback(this);
    for (const child of this.children) child.traverse(callback);
  }
}

export { Object3D };
