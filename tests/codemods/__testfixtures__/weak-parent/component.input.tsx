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
  parent: Pane | null = null;

  render(props: Props): JSX.Element {
    return <section title={props.title}>{this.parent ? 'nested' : 'root'}</section>;
  }
}
