export class Settings {
  parent: Settings | null = null;
  theme = 'dark';

  keys(): string[] {
    return Object.keys(this);
  }
}
