declare global {
  namespace JSX {
    interface Element {
      readonly tag: string;
    }
    interface IntrinsicElements {
      section: { title: string };
      slot: object;
    }
  }
}

interface Props {
  title: string;
}

export class Pane {
  get parent(): Pane | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError(
        'Pane.parent is no longer available: the object it referred to has been garbage-collected.',
      );
    }
    return target;
  }
  set parent(value: Pane | null) {
    this.#parent = value == null ? value : Pane.#weakRefTo(value);
  }
  #parent: WeakRef<Pane> | null = null;

  render(props: Props): JSX.Element {
    return <section title={props.title}>{this.parent ? 'nested' : 'root'}</section>;
  }
  static #weakRefs = new WeakMap<object, WeakRef<object>>();
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    let ref = Pane.#weakRefs.get(target);
    if (ref === undefined) {
      ref = new WeakRef(target);
      Pane.#weakRefs.set(target, ref);
    }
    return ref as WeakRef<T>;
  }
}
