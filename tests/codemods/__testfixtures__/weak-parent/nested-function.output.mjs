export class Timer {
  start() {
    setTimeout(function () {
      this.parent = null;
    });
  }
}
