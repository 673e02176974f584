export default class Edge {
  // Endpoints are set later.
  connect(from) {
    this.parent ??= from;
    return this;
  }
}
