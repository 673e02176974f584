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

  #selfRef: WeakRef<object> | undefined;
  static #weakRefTo<T extends object>(target: T): WeakRef<T> {
    if (!(#selfRef in target)) return new WeakRef(target);
    target.#selfRef ??= new WeakRef(target);
    return target.#selfRef as WeakRef<T>;
  }
}
