export class Tabbed {
	parent: Tabbed | null = null;

	attach(parent: Tabbed): void {
		this.parent = parent;
	}
}
