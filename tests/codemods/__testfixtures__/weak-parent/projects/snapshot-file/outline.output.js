export class Heading {
  parent = null;
  sections = [];

  constructor(title) {
    this.title = title;
  }

  add(title) {
    const section = new Heading(title);
    section.parent = this;
    this.sections.push(section);
    return section;
  }
}
