export class Container {
	parent: Container | undefined;
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
}
