/** Where an entry sits: a folder, or a link that stands for a folder not loaded yet. */
export class Entry {
  parent: Folder | FolderLink | null = null;
}

export class FolderLink {
  constructor(readonly path: string) {}
}

export class Folder {
  readonly entries: Entry[] = [];
}
