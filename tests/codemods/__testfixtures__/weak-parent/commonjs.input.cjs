'use strict';

class Listener {
  constructor(parent) {
    this.parent = parent;
  }
}

module.exports = { Listener };
