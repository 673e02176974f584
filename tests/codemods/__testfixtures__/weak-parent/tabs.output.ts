export class Tabbed {
	get parent(): Tabbed | null {
		const ref = this.#parent;
		if (ref == null) return ref;
		const target = ref.deref();
		if (target === undefined) {
			throw new ReferenceError(
				'Tabbed.parent is no longer available: the object it referred to has been garbage-collected.',
			);
		}
		return target;
	}
	set parent(value: Tabbed | null) {
		this.#parent = value == null ? value : Tabbed.#weakRefTo(value);
	}
	#parent: WeakRef<Tabbed> | null = null;

	attach(parent: Tabbed): void {
		this.parent = parent;
	}
	static #weakRefs = new WeakMap<object, WeakRef<object>>();
	static #weakRefTo<T extends object>(target: T): WeakRef<T> {
		let ref = Tabbed.#weakRefs.get(target);
		if (ref === undefined) {
			ref = new WeakRef(target);
			Tabbed.#weakRefs.set(target, ref);
		}
		return ref as WeakRef<T>;
	}
}
