export class Section {
  parent: Section | null = null;
  readonly sections: Section[] = [];
}
