export class Region {
    parent: Region | null = null;
    readonly regions: Region[] = [];
}
