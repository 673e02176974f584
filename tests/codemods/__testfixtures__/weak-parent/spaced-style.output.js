// The style of three.js: tabs, a space inside parentheses, empty lines at the start and end of
// blocks and before the closing brace of the class.
export class Shape {

	get parent() {
		const ref = this.#parent;
		if ( ref == null ) return ref;
		const target = ref.deref();
		if ( target === undefined ) {
			throw new ReferenceError(
				'Shape.parent is no longer available: the object it referred to has been garbage-collected.',
			);
		}
		return target;
	}
	set parent( value ) {
		this.#parent = value == null ? value : Shape.#weakRefTo( value );
	}
	#parent;

	constructor() {

		this.parent = null;
		this.children = [];

	}

	add( shape ) {

		shape.parent = this;
		this.children.push( shape );

	}

	#selfRef;
	static #weakRefTo( target ) {
		if ( !( #selfRef in target ) ) return new WeakRef( target );
		target.#selfRef ??= new WeakRef( target );
		return target.#selfRef;
	}

}
