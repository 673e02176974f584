// The style of three.js: tabs, a space inside parentheses, empty lines at the start and end of
// blocks and before the closing brace of the class.
export class Shape {

	constructor() {

		this.parent = null;
		this.children = [];

	}

	add( shape ) {

		shape.parent = this;
		this.children.push( shape );

	}

}
