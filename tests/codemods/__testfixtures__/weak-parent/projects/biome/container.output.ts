export class Container {
	get parent(): Container | undefined {
		const ref = this.#parent;
		if (ref == null) return ref;
		const target = ref.deref();
		if (target === undefined) {
			throw new ReferenceError(
				"Container.parent is no longer available: the object it referred to has been garbage-collected.",
			);
		}
		return target;
	}
	set parent(value: Container | undefined) {
		this.#parent = value == null ? value : Container.#weakRefTo(value);
	}
	#parent: WeakRef<Container> | undefined;
	readonly scopes: Container[] = [];

	createChild(): Container {
		const child = new Container();
		child.parent = this;
		this.scopes.push(child);
		return child;
	}

	resolve(token: string): string {
		return this.parent ? this.parent.resolve(token) : "none";
	}

	#selfRef: WeakRef<object> | undefined;
	static #weakRefTo<T extends object>(target: T): WeakRef<T> {
		if (!(#selfRef in target)) return new WeakRef(target);
		target.#selfRef ??= new WeakRef(target);
		return target.#selfRef as WeakRef<T>;
	}
}
