export class Region {
    get parent(): Region | null {
        const ref = this.#parent;
        if (ref == null) return ref;
        const target = ref.deref();
        if (target === undefined) {
            throw new ReferenceError('Region.parent is no longer available: the object it referred to has been garbage-collected.');
        }
        return target;
    }
    set parent(value: Region | null) {
        this.#parent = value == null ? value : Region.#weakRefTo(value);
    }
    #parent: WeakRef<Region> | null = null;
    readonly regions: Region[] = [];
    static #weakRefs = new WeakMap<object, WeakRef<object>>();
    static #weakRefTo<T extends object>(target: T): WeakRef<T> {
        let ref = Region.#weakRefs.get(target);
        if (ref === undefined) {
            ref = new WeakRef(target);
            Region.#weakRefs.set(target, ref);
        }
        return ref as WeakRef<T>;
    }
}
