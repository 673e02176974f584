export class Folder {
  readonly files: File[] = [];
}

export class File {
  constructor(
    public name: string,
    public parent?: Folder,
  ) {}
}
