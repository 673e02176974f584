export const Leaf = class {
  parent: object | null = null;
};

export default class {
  parent?: { id: number };
}
