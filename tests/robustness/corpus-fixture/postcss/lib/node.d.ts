declare namespace Node {
  export interface NodeProps {
    raws?: Record<string, unknown>
  }
  export { Node_ as default, Container_ as Container }
}

declare abstract class Node_ {
  parent: Container_ | undefined
  raws: Record<string, unknown>
  constructor(defaults?: Node.NodeProps)
  remove(): this
  root(): Node_
}

declare class Container_<Child extends Node_ = Node_> extends Node_ {
  nodes: Child[]
  append(...children: Child[]): this
  removeChild(child: Child): this
}

declare class Node extends Node_ {}

export = Node
