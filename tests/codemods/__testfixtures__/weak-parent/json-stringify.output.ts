export class Entry {
  parent: Entry | null = null;
  title = '';

  save(): string {
    return JSON.stringify(this);
  }
}
