export class Folder {
    parent?: Folder;
    readonly folders = new Map<string, Folder>();

    constructor(readonly name: string) {}

    folder(name: string): Folder {
        let found = this.folders.get(name);
        if (!found) {
            found = new Folder(name);
            found.parent = this;
            this.folders.set(name, found);
        }
        return found;
    }
}
