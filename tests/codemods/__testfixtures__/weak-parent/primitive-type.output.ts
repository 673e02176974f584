export class Route {
  parent: string | null = null;
}

export class Version {
  parent?: number;
}
