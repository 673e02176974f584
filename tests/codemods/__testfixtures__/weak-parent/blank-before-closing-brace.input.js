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
