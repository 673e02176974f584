// Observers notify their subject.
export class Observer {
  /** @type {Subject | undefined} */
  parent = undefined;

  notify() {
    this.parent?.changed(this);
  }
}

export class Subject {
  changed(observer) {
    return observer;
  }
}
