// Listeners kept in a plain object of arrays, as untyped libraries do.
class EventDispatcher {
  addEventListener(type, listener) {
    if (this._listeners === undefined) this._listeners = {};
    const listeners = this._listeners;
    if (listeners[type] === undefined) listeners[type] = [];
    if (listeners[type].indexOf(listener) === -1) listeners[type].push(listener);
  }

  removeEventListener(type, listener) {
    const list = this._listeners?.[type];
    if (list === undefined) return;
    const index = list.indexOf(listener);
    if (index !== -1) list.splice(index, 1);
  }

  dispatchEvent(event) {
    const list = this._listeners?.[event.type];
    if (list === undefined) return;
    event.target = this;
    for (const listener of list.slice(0)) listener.call(this, event);
    event.target = null;
  }
}

export { EventDispatcher };
