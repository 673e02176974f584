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

	#selfRef: WeakRef<object> | undefined;
	static #weakRefTo<T extends object>(target: T): WeakRef<T> {
		if (!(#selfRef in target)) return new WeakRef(target);
		target.#selfRef ??= new WeakRef(target);
		return target.#selfRef as WeakRef<T>;
	}
}
