/** A node of a scene graph, typed the way three.js writes its JSDoc. */
export class SceneNode {
  constructor() {
    /**
     * The node this one is attached to.
     *
     * @type {?SceneNode}
     * @default null
     */
    this.parent = null;

    /** @type {Array<SceneNode>} */
    this.children = [];
  }

  /** @param {SceneNode} node */
  add(node) {
    node.parent = this;
    this.children.push(node);
  }
}
