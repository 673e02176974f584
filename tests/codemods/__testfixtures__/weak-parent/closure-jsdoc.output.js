/** A node of a scene graph, typed the way three.js writes its JSDoc. */
export class SceneNode {
  /** @type {?SceneNode} */
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'SceneNode.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : SceneNode.#weakRefTo(value);
  }
  /** @type {WeakRef<SceneNode> | null} */
  #parent;

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

  /** @type {WeakRef<object> | undefined} */
  #selfRef;
  /**
   * @template {object} T
   * @param {T} target
   * @returns {WeakRef<T>}
   */
  static #weakRefTo(target) {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return /** @type {WeakRef<T>} */ (target.#selfRef);
  }
}
