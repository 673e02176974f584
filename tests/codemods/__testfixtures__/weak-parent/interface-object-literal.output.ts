export interface HasParent {
  parent: HasParent | null;
}

export const root: HasParent = { parent: null };
export const child = { parent: root };

export function parentOf(node: HasParent): HasParent | null {
  return node.parent;
}
