const exportsObject = {};
exportsObject.Node = class {
  constructor(parent) {
    this.parent = parent;
  }
};
export default exportsObject;
