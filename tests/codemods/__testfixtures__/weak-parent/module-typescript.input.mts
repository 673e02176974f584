export class Chapter {
  parent: Book | undefined;
}

export class Book {
  readonly chapters: Chapter[] = [];
}
