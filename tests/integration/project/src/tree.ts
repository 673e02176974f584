import { Registry } from './registry.js';

export class Folder {
  parent: Folder | null = null;
  readonly children: Folder[] = [];
}

export function watch(folder: Folder): void {
  Registry.register(folder, { folder });
}
