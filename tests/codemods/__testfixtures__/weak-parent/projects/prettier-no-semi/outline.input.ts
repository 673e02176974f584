export class Heading {
  parent: Heading | null = null
  readonly children: Heading[] = []

  constructor(readonly title: string) {}

  add(title: string): Heading {
    const heading = new Heading(title)
    heading.parent = this
    this.children.push(heading)
    return heading
  }
}
