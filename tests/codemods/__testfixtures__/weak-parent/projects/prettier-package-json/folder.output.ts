export class Folder {
    get parent(): Folder | undefined {
        const ref = this.#parent;
        if (ref == null) return ref;
        const target = ref.deref();
        if (target === undefined) {
            throw new ReferenceError(
                'Folder.parent is no longer available: the object it referred to has been garbage-collected.'
            );
        }
        return target;
    }
    set parent(value: Folder | undefined) {
        this.#parent = value == null ? value : Folder.#weakRefTo(value);
    }
    #parent: WeakRef<Folder> | undefined;
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

    #selfRef: WeakRef<object> | undefined;
    static #weakRefTo<T extends object>(target: T): WeakRef<T> {
        if (!(#selfRef in target)) return new WeakRef(target);
        target.#selfRef ??= new WeakRef(target);
        return target.#selfRef as WeakRef<T>;
    }
}
