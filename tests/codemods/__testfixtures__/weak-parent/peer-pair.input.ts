// A style sheet derived from another one: `parent` is the base it inherits from, `child` the
// one sheet derived from it. Nothing but the two names says which side owns the other, and a
// derived sheet is often the only thing that keeps its base alive.
export class StyleSheet {
  parent: StyleSheet | null = null;
  child: StyleSheet | null = null;

  constructor(readonly rules: Record<string, string>) {}

  derive(rules: Record<string, string>): StyleSheet {
    const derived = new StyleSheet({ ...this.rules, ...rules });
    derived.parent = this;
    this.child = derived;
    return derived;
  }

  lookup(name: string): string | undefined {
    return this.rules[name] ?? this.parent?.lookup(name);
  }
}

// A tree with a list of children is still rewritten.
export class Section {
  parent: Section | null = null;
  readonly sections: Section[] = [];
}
