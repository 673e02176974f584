import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../rules/no-leaked-listener.js';
import { docExamples } from '../doc-examples.js';
import { runRuleTests } from '../rule-tester.js';

describe('no-leaked-listener options schema', () => {
  // ESLint validates options before the rule asks for type information, so valid options get as
  // far as the "needs type information" error and invalid ones stop at the schema.
  const verify = (options: unknown): void => {
    new Linter().verify('window.addEventListener("x", () => {});', [
      { plugins: { lifetime: { rules: { rule } } }, rules: { 'lifetime/rule': ['error', options] } },
    ] as unknown as Linter.Config[]);
  };
  it.each([
    [{ bogus: true }],
    [{ emitterTypes: 'EventEmitter' }],
    [{ eventTargetTypes: [{ from: 'package', name: 'EventTarget' }] }],
    [{ handleFunctions: [42] }],
    [{ teardownMethods: ['dispose', 'dispose'] }],
    [{ teardownMethods: [''] }],
    [{ checkClassesWithoutTeardown: 'yes' }],
  ])('rejects %j', (options) => {
    expect(() => {
      verify(options);
    }).toThrow(/Key "lifetime\/rule"/);
  });
  it.each([
    [{}],
    [{ emitterTypes: [] }],
    [{ emitterTypes: [{ from: 'package', package: 'eventemitter3', name: 'EventEmitter' }] }],
    [{ handleFunctions: ['autorun', { from: 'package', package: 'mobx', name: ['reaction', 'autorun'] }] }],
    [{ teardownMethods: ['shutdown', '[Symbol.dispose]'], checkClassesWithoutTeardown: true }],
    [{ componentTypes: [{ from: 'file', name: 'Widget' }] }],
  ])('accepts %j', (options) => {
    expect(() => {
      verify(options);
    }).toThrow(/needs type information/);
  });
});

// Every case imports the fixture module on its last line (imports are hoisted), so that line
// numbers count from the code under test.
const footer = `\nimport { bus, debounce, DisposableCollection, editor, Emitter, emitter, lookAlike, Observable, state$, store, toDisposable, type Connection, type Editor, type IDisposable, type Subscription } from './no-leaked-listener/apis.js';\nimport { EventEmitter } from 'node:events';\nvoid [bus, debounce, DisposableCollection, editor, Emitter, emitter, lookAlike, Observable, state$, store, toDisposable, EventEmitter];\nexport type Types = [Connection, Editor, IDisposable, Subscription];`;
const code = (body: string): string => body + footer;

runRuleTests('no-leaked-listener', rule, {
  valid: [
    // addAbortListener released in the teardown, on a signal the owner made, and a local
    // function of that name.
    code(`import { addAbortListener } from 'node:events';
class Download {
  #off: Disposable | undefined;
  start(signal: AbortSignal) { this.#off = addAbortListener(signal, () => this.cancel()); }
  dispose() { this.#off?.[Symbol.dispose](); }
  cancel() {}
}`),
    code(`import { addAbortListener } from 'node:events';
class Download {
  readonly #controller = new AbortController();
  constructor() { addAbortListener(this.#controller.signal, () => this.cancel()); }
  dispose() { this.#controller.abort(); }
  cancel() {}
}`),
    code(`function addAbortListener(signal: AbortSignal, listener: () => void): Disposable { signal.onabort = listener; return { [Symbol.dispose]() {} }; }
class Download {
  constructor(signal: AbortSignal) { addAbortListener(signal, () => this.cancel()); }
  dispose() {}
  cancel() {}
}`),
    // Removed in the teardown: the same arrow field, a bound method kept in a field, a local kept for the teardown.
    code(`class Panel extends HTMLElement {
  onResize = () => this.layout();
  connectedCallback() { window.addEventListener('resize', this.onResize); }
  disconnectedCallback() { window.removeEventListener('resize', this.onResize); }
  layout() {}
}`),
    code(`class Panel extends HTMLElement {
  constructor() { super(); this.onKey = this.onKey.bind(this); }
  connectedCallback() { document.addEventListener('keydown', this.onKey); }
  disconnectedCallback() { document.removeEventListener('keydown', this.onKey); }
  onKey() {}
}`),
    code(`class Tracker {
  #stop: (() => void) | undefined;
  start() {
    const onMove = () => this.track();
    window.addEventListener('pointermove', onMove);
    this.#stop = () => window.removeEventListener('pointermove', onMove);
  }
  dispose() { this.#stop?.(); }
  track() {}
}`),
    // A signal the teardown aborts, a signal from elsewhere, a listener that lets go after one event.
    code(`class Panel extends HTMLElement {
  #abort = new AbortController();
  connectedCallback() { window.addEventListener('resize', () => this.layout(), { signal: this.#abort.signal }); }
  disconnectedCallback() { this.#abort.abort(); }
  layout() {}
}`),
    code(`class View {
  attach(signal: AbortSignal) { window.addEventListener('resize', () => this.layout(), { signal }); }
  dispose() {}
  layout() {}
}`),
    code(`class View {
  constructor() { window.addEventListener('load', () => this.layout(), { once: true }); }
  dispose() {}
  layout() {}
}`),
    // Emitters: off with the same function, removeAllListeners on the emitter, once.
    code(`class Worker {
  onExit = () => this.flush();
  constructor() { process.on('exit', this.onExit); }
  close() { process.off('exit', this.onExit); }
  flush() {}
}`),
    code(`class Client {
  constructor(private readonly socket: EventEmitter) { socket.on('data', () => this.read()); }
  destroy() { this.socket.removeAllListeners(); }
  read() {}
}`),
    code(`class Client {
  constructor(source: EventEmitter) { source.once('ready', () => this.start()); }
  destroy() {}
  start() {}
}`),
    // Handles: kept and released, handed to a collection, to the disposables argument, to the caller.
    code(`class Panel {
  #subscription: Subscription | undefined;
  constructor() { this.#subscription = state$.subscribe((value) => this.render(value)); }
  dispose() { this.#subscription?.unsubscribe(); }
  render(value: number) { void value; }
}`),
    code(`class Panel {
  readonly toDispose = new DisposableCollection();
  constructor() { this.toDispose.push(editor.onDidChange(() => this.render())); }
  dispose() { this.toDispose.dispose(); }
  render() {}
}`),
    code(`class Panel {
  readonly disposables: IDisposable[] = [];
  constructor() { editor.onDidChange(() => this.render(), this, this.disposables); }
  dispose() { for (const d of this.disposables) d.dispose(); }
  render() {}
}`),
    code(`class Panel {
  #unsubscribe = store.subscribe(() => this.render());
  dispose() { this.#unsubscribe(); }
  render() {}
}`),
    code(`class Panel {
  watch(): IDisposable { return editor.onDidChange(() => this.render()); }
  dispose() {}
  render() {}
}`),
    code(`class Poller {
  #timer: ReturnType<typeof setInterval> | undefined;
  start() { this.#timer = setInterval(() => this.poll(), 1000); }
  stop() { clearInterval(this.#timer); }
  poll() {}
}`),
    code(`class Panel {
  #subscription?: Subscription;
  constructor(private readonly connection: Connection) {
    const registration = connection.onRequest('render', () => this.render());
    this.dispose = () => registration.dispose();
  }
  dispose: () => void;
  render() {}
}`),
    // Observers disconnected in the teardown, or watching the owner itself.
    code(`class Panel extends HTMLElement {
  #observer = new ResizeObserver(() => this.layout());
  connectedCallback() { this.#observer.observe(document.body); }
  disconnectedCallback() { this.#observer.disconnect(); }
  layout() {}
}`),
    code(`class Panel extends HTMLElement {
  #observer = new ResizeObserver(() => this.layout());
  connectedCallback() { this.#observer.observe(this); }
  disconnectedCallback() {}
  layout() {}
}`),
    // Owned targets: the owner itself, something it made.
    code(`class Panel extends HTMLElement {
  connectedCallback() { this.addEventListener('click', () => this.toggle()); }
  disconnectedCallback() {}
  toggle() {}
}`),
    code(`class Channel {
  readonly events = new EventEmitter();
  constructor() { this.events.on('message', () => this.handle()); }
  close() {}
  handle() {}
}`),
    code(`class Channel {
  constructor() {
    const local = new EventTarget();
    local.addEventListener('message', () => this.handle());
  }
  close() {}
  handle() {}
}`),
    // A handle registration on something the owner made, or on the owner: discarded, but nothing outlives the owner.
    code(`class Model {
  readonly #changes = new Emitter<number>();
  constructor() { this.#changes.event(() => this.refresh()); }
  dispose() {}
  refresh() {}
}`),
    code(`class Model extends Observable<number> {
  constructor() { super(); this.subscribe(() => this.refresh()); }
  dispose() {}
  refresh() {}
}`),
    // Unknown targets: a call result, a parameter of a nested callback.
    code(`class Panel extends HTMLElement {
  connectedCallback() { document.querySelector('#app')?.addEventListener('click', () => this.toggle()); }
  disconnectedCallback() {}
  toggle() {}
}`),
    code(`class Panel {
  constructor(items: EventTarget[]) { items.forEach((item) => item.addEventListener('x', () => this.update())); }
  dispose() {}
  update() {}
}`),
    // Nothing of the owner is kept: no `this`, an unbound method, a module-level function.
    code(`class Panel extends HTMLElement {
  connectedCallback() { window.addEventListener('resize', () => console.log('resized')); }
  disconnectedCallback() {}
}`),
    code(`class Panel extends HTMLElement {
  connectedCallback() { window.addEventListener('resize', this.onResize); }
  disconnectedCallback() {}
  onResize() {}
}`),
    // A class without a teardown that is no component is taken for a long-lived object.
    code(`class Service {
  constructor() { bus.addEventListener('x', () => this.update()); }
  update() {}
}`),
    // Static code belongs to the class itself; module-level code to the module.
    code(`class Registry {
  static watch() { bus.addEventListener('x', () => this.refresh()); }
  static refresh() {}
}`),
    code(`window.addEventListener('resize', () => console.log('resized'));`),
    // Not registrations by type: look-alike methods, emitter once, one-shot timers, free functions that make disposables.
    code(`class Panel {
  constructor() {
    lookAlike.on('x', () => this.update());
    lookAlike.addEventListener('x', () => this.update());
    lookAlike.subscribe(() => this.update());
    setTimeout(() => this.update(), 10);
  }
  dispose() {}
  update() {}
}`),
    code(`class Panel {
  readonly toDispose = new DisposableCollection();
  constructor() { toDisposable(() => this.update()); }
  dispose() {}
  update() {}
}`),
    // The target holds the owner anyway: they are collected together.
    code(`interface Host extends EventTarget { addController(controller: object): void }
class Controller {
  constructor(private readonly host: Host) {
    host.addController(this);
    host.addEventListener('click', () => this.toggle());
  }
  hostDisconnected() {}
  toggle() {}
}`),
    // The same through an alias of `this`, handed over or stored on the target.
    code(`interface Host extends EventTarget { addController(controller: object): void; owner?: object }
class Controller {
  constructor(private readonly host: Host, other: Host) {
    const self = this;
    host.addController(self);
    other.owner = self as object;
    host.addEventListener('click', () => this.toggle());
    other.addEventListener('click', () => this.toggle());
  }
  hostDisconnected() {}
  toggle() {}
}`),
    // A function that returns a function that releases nothing is no owner (a factory, a middleware).
    code(`export function makeHandler(target: EventTarget) {
  const state = { count: 0 };
  target.addEventListener('x', () => state.count++);
  return () => state.count;
}`),
    // A function that returns a teardown, and removes what it registered.
    code(`export function onResize(callback: () => void) {
  const state = { calls: 0 };
  const listener = () => { state.calls++; callback(); };
  window.addEventListener('resize', listener);
  return () => window.removeEventListener('resize', listener);
}`),
    code(`export function poll(work: () => void) {
  const state = { runs: 0 };
  const id = setInterval(() => { state.runs++; work(); }, 1000);
  return { destroy() { clearInterval(id); } };
}`),
    // A plain `function` inside a method has a `this` of its own.
    code(`class Panel {
  constructor() { window.addEventListener('resize', function () { console.log(this); }); }
  dispose() {}
}`),
    // Calls that hand back what they were given: `once` returning the stream, a helper returning its argument.
    code(`import { Duplex } from 'node:stream';
class Parser {
  constructor(private readonly socket: Duplex) {}
  wait() { this.socket.once('drain', () => this.go()); }
  destroy() {}
  go() {}
}`),
    code(`declare const keep: (handle: IDisposable, onDrop: () => void) => IDisposable;
class Holder {
  constructor(private readonly handle: IDisposable) { keep(this.handle, () => this.drop()); }
  dispose() {}
  drop() {}
}`),
    // A callback inside an options object of a call that returns a handle is no registration (a menu's onHide).
    code(`interface Menus { render(options: { onHide: () => void }): IDisposable }
class Toolbar {
  constructor(private readonly menus: Menus) {}
  open() { this.menus.render({ onHide: () => this.focus() }); }
  dispose() {}
  focus() {}
}`),
    // A method that returns a disposable but is not named like a registration (a renderer, a scheduler) is left alone.
    code(`interface Menus { show(onHide: () => void): IDisposable }
class Toolbar {
  constructor(private readonly menus: Menus) {}
  open() { this.menus.show(() => this.focus()); }
  dispose() {}
  focus() {}
}`),
    // The owner ends the target's life itself: a connection's socket, destroyed in its teardown.
    code(`import { Socket } from 'node:net';
class Connection {
  private readonly socket: Socket;
  constructor(socket: Socket) {
    this.socket = socket;
    socket.on('close', this.onClose.bind(this));
  }
  destroy() { this.socket.destroy(); }
  onClose() {}
}`),
    // The owner keeps the target in its own bookkeeping (a default parser it registers for disposal): its handlers go with it.
    code(`class Reader {
  private readonly store: { dispose?(): void }[] = [];
  private readonly source: Editor;
  constructor(source: Editor = makeEditor()) {
    this.source = source;
    this.store.push(this.source);
    this.source.onDidChange(() => this.refresh());
  }
  dispose() { for (const item of this.store) item.dispose?.(); }
  refresh() {}
}
declare function makeEditor(): Editor;`),
    // A method's parameter may die before the owner (\`track(widget)\`): only constructor parameters count as not owned.
    code(`class Shell {
  track(widget: Editor) { widget.onDidSave(() => this.refresh()); }
  dispose() {}
  refresh() {}
}`),
    // A function owner's listener that closes over the owner's own parameter (the target itself) keeps none of its state.
    code(`function watch(server: EventEmitter) {
  const id = setInterval(() => {}, 1000);
  server.on('session', function () { void server; });
  return () => clearInterval(id);
}`),
    // Options: no emitter types, other teardown names.
    {
      code: code(`class Worker {
  constructor() { process.on('exit', () => this.flush()); }
  close() {}
  flush() {}
}`),
      options: [{ emitterTypes: [] }],
    },
    {
      code: code(`class Worker {
  constructor() { bus.addEventListener('x', () => this.flush()); }
  close() {}
  flush() {}
}`),
      options: [{ teardownMethods: ['shutdown'] }],
    },
    // The pre-filter and the names: a function that returns a disposable is no registration unless configured.
    `declare function track(view: () => void): { dispose(): void };
class Badge {
  constructor() { track(() => this.render()); }
  dispose() {}
  render() {}
}`,
  ],
  invalid: [
    // setInterval imported from node:timers is the global timer.
    {
      code: code(`import { setInterval } from 'node:timers';
class Poller {
  constructor() { setInterval(() => this.tick(), 1000); }
  dispose() {}
  tick() {}
}`),
      errors: [{ messageId: 'handleDiscarded', line: 3, column: 19 }],
    },
    // Node's addAbortListener: a listener on the signal, released by disposing what it returns.
    {
      code: code(`import { addAbortListener } from 'node:events';
class Download {
  constructor(signal: AbortSignal) { addAbortListener(signal, () => this.cancel()); }
  dispose() {}
  cancel() {}
}`),
      errors: [
        {
          messageId: 'handleDiscarded',
          line: 3,
          column: 38,
          data: {
            registration: '`addAbortListener` callback on `signal`',
            capture: '`this`',
            holder: '`signal`',
            owner: '`Download`',
            handle: '`Disposable`',
            teardown: '`dispose()`',
          },
        },
      ],
    },
    {
      code: code(`import { addAbortListener } from 'node:events';
class Download {
  #off: Disposable | undefined;
  constructor(signal: AbortSignal) { this.#off = addAbortListener(signal, () => this.cancel()); }
  dispose() { if (this.#off) console.log('still listening'); }
  cancel() {}
}`),
      errors: [{ messageId: 'notReleased', line: 4, column: 50 }],
    },
    // Event targets: an inline arrow, an arrow field never removed, a bound method, an alias of `this`, `this` as the listener object.
    {
      code: code(`class Panel extends HTMLElement {
  connectedCallback() { window.addEventListener('resize', () => this.layout()); }
  disconnectedCallback() {}
  layout() {}
}`),
      errors: [{ messageId: 'cannotRemove', line: 2, column: 25, endColumn: 48 }],
    },
    {
      code: code(`class Panel extends HTMLElement {
  onKey = () => this.close();
  connectedCallback() { document.addEventListener('keydown', this.onKey); }
  disconnectedCallback() { document.removeEventListener('keyup', this.onOther); }
  onOther() {}
  close() {}
}`),
      errors: [{ messageId: 'notReleased', line: 3, column: 25 }],
    },
    {
      code: code(`class Panel extends HTMLElement {
  connectedCallback() { window.addEventListener('scroll', this.sync.bind(this)); }
  disconnectedCallback() { window.removeEventListener('scroll', this.sync.bind(this)); }
  sync() {}
}`),
      errors: [{ messageId: 'cannotRemove', line: 2, column: 25 }],
    },
    {
      code: code(`class Panel {
  constructor() {
    const self = this;
    bus.addEventListener('ping', function () { self.pong(); });
  }
  dispose() {}
  pong() {}
}`),
      errors: [{ messageId: 'cannotRemove', line: 4, column: 5 }],
    },
    {
      code: code(`class Panel implements EventListenerObject {
  constructor() { bus.addEventListener('ping', this); }
  handleEvent() {}
  dispose() {}
}`),
      errors: [{ messageId: 'notReleased', line: 2, column: 19 }],
    },
    // The target: a parameter, an injected field, a decorated field, an import, a static field, a global found by type.
    {
      code: code(`class Client {
  constructor(source: EventEmitter) { source.on('data', (chunk) => this.read(chunk)); }
  destroy() {}
  read(chunk: unknown) { void chunk; }
}`),
      errors: [{ messageId: 'cannotRemove', line: 2, column: 39 }],
    },
    // Passing the target to something else's method is no bookkeeping of the owner's.
    {
      code: code(`class Outline {
  constructor(private readonly editor: Editor, log: { keep(value: unknown): void }) {
    log.keep(this.editor);
    this.editor.onDidChange(() => this.refresh());
  }
  dispose() {}
  refresh() {}
}`),
      errors: [{ messageId: 'handleDiscarded', line: 4, column: 5 }],
    },
    {
      code: code(`class Outline {
  constructor(private readonly editor: Editor) { this.editor.onDidChange(() => this.refresh()); }
  dispose() {}
  refresh() {}
}`),
      errors: [{ messageId: 'handleDiscarded', line: 2, column: 50 }],
    },
    {
      code: code(`declare function inject(token: unknown): (value: undefined, context: ClassFieldDecoratorContext) => void;
class Outline {
  @inject('editor') private readonly editor!: Editor;
  start() { this.editor.onDidSave(() => this.refresh()); }
  dispose() {}
  refresh() {}
}`),
      errors: [{ messageId: 'handleDiscarded', line: 4, column: 13 }],
    },
    {
      code: code(`class Panel {
  static readonly events = new EventEmitter();
  constructor() { Panel.events.on('refresh', () => this.refresh()); }
  dispose() {}
  refresh() {}
}`),
      errors: [{ messageId: 'cannotRemove', line: 3, column: 19 }],
    },
    {
      code: code(`class Panel extends HTMLElement {
  onKey = () => this.close();
  connectedCallback() { this.ownerDocument.addEventListener('keydown', this.onKey); }
  disconnectedCallback() {}
  close() {}
}`),
      errors: [{ messageId: 'notReleased', line: 3, column: 25 }],
    },
    // Handles: discarded (with the suggestion where a collection is released by the teardown), kept but never released.
    {
      code: code(`class Outline {
  readonly toDispose = new DisposableCollection();
  constructor() { editor.onDidChange(() => this.refresh()); }
  dispose() { this.toDispose.dispose(); }
  refresh() {}
}`),
      errors: [
        {
          messageId: 'handleDiscarded',
          line: 3,
          column: 19,
          suggestions: [
            {
              messageId: 'keepHandle',
              output: code(`class Outline {
  readonly toDispose = new DisposableCollection();
  constructor() { this.toDispose.push(editor.onDidChange(() => this.refresh())); }
  dispose() { this.toDispose.dispose(); }
  refresh() {}
}`),
            },
          ],
        },
      ],
    },
    {
      code: code(`class Panel {
  #subscription: Subscription | undefined;
  constructor() { this.#subscription = state$.subscribe({ next: (value) => this.render(value) }); }
  dispose() { if (this.#subscription) console.log('still subscribed'); }
  render(value: number) { void value; }
}`),
      errors: [{ messageId: 'notReleased', line: 3, column: 40 }],
    },
    {
      code: code(`class Panel {
  constructor() { const unsubscribe = store.subscribe(() => this.render()); void typeof unsubscribe; }
  dispose() {}
  render() {}
}`),
      errors: [{ messageId: 'notReleased', line: 2, column: 39 }],
    },
    {
      code: code(`class Panel {
  constructor(private readonly connection: Connection) { connection.onRequest('render', () => this.render()); }
  dispose() {}
  render() {}
}`),
      errors: [{ messageId: 'handleDiscarded', line: 2, column: 58 }],
    },
    // Intervals: kept in a field and never cleared, discarded.
    {
      code: code(`class Poller {
  private timer = setInterval(() => this.poll(), 1000);
  dispose() {}
  poll() {}
}`),
      errors: [{ messageId: 'notReleased', line: 2, column: 19 }],
    },
    {
      code: code(`class Poller {
  start() { setInterval(this.poll.bind(this), 1000).unref(); }
  stop() {}
  poll() {}
}`),
      errors: [{ messageId: 'handleDiscarded', line: 2, column: 13 }],
    },
    // Observers: watching something the owner does not own, never disconnected.
    {
      code: code(`class Panel extends HTMLElement {
  #observer = new ResizeObserver(() => this.layout());
  connectedCallback() { this.#observer.observe(document.body); }
  disconnectedCallback() {}
  layout() {}
}`),
      errors: [{ messageId: 'notReleased', line: 3, column: 25 }],
    },
    // A component without a teardown; a plain class only with checkClassesWithoutTeardown.
    {
      code: code(`class Badge extends HTMLElement {
  onStorage = () => this.refresh();
  connectedCallback() { window.addEventListener('storage', this.onStorage); }
  refresh() {}
}`),
      errors: [{ messageId: 'noTeardown', line: 3, column: 25 }],
    },
    {
      code: code(`class Service {
  onMessage = () => this.update();
  constructor() { bus.addEventListener('message', this.onMessage); }
  update() {}
}`),
      options: [{ checkClassesWithoutTeardown: true }],
      errors: [{ messageId: 'noTeardown', line: 3, column: 19 }],
    },
    // An owned AbortController that is never aborted releases nothing.
    {
      code: code(`class Panel extends HTMLElement {
  #abort = new AbortController();
  connectedCallback() { window.addEventListener('resize', () => this.layout(), { signal: this.#abort.signal }); }
  disconnectedCallback() {}
  layout() {}
}`),
      errors: [{ messageId: 'cannotRemove', line: 3, column: 25 }],
    },
    // A wrapped arrow (`debounce(…)`) inline cannot be removed; kept in a field it can.
    {
      code: code(`class Panel extends HTMLElement {
  connectedCallback() { window.addEventListener('resize', debounce(() => this.layout(), 50)); }
  disconnectedCallback() {}
  layout() {}
}`),
      errors: [{ messageId: 'cannotRemove', line: 2, column: 25 }],
    },
    // A function that returns a teardown which forgets one of its listeners.
    {
      code: code(`export function watch(target: EventTarget, callback: () => void) {
  const state = { calls: 0 };
  const onChange = () => { state.calls++; callback(); };
  target.addEventListener('change', onChange);
  window.addEventListener('focus', () => state.calls++);
  return () => target.removeEventListener('change', onChange);
}`),
      errors: [{ messageId: 'cannotRemove', line: 5, column: 3 }],
    },
    // Options: a custom teardown name, further emitter and component types, further handle functions.
    {
      code: code(`class Worker {
  constructor() { bus.addEventListener('x', () => this.flush()); }
  shutdown() {}
  flush() {}
}`),
      options: [{ teardownMethods: ['shutdown'] }],
      errors: [{ messageId: 'cannotRemove', line: 2, column: 19 }],
    },
    {
      code: code(`declare class Signal { on(name: string, listener: () => void): void; off(name: string, listener: () => void): void }
declare const changed: Signal;
class Widget {
  constructor() { changed.on('x', () => this.update()); }
  dispose() {}
  update() {}
}`),
      options: [{ emitterTypes: [{ from: 'file', name: 'Signal' }] }],
      errors: [{ messageId: 'cannotRemove', line: 4, column: 19 }],
    },
    {
      code: code(`declare class Widget { protected update(): void }
class Clock extends Widget {
  onTick = () => this.update();
  constructor() { super(); bus.addEventListener('tick', this.onTick); }
}`),
      options: [{ componentTypes: [{ from: 'file', name: 'Widget' }] }],
      errors: [{ messageId: 'noTeardown', line: 4, column: 28 }],
    },
    {
      code: code(`declare function autorun(view: () => void): () => void;
class Badge {
  constructor() { autorun(() => this.render()); }
  dispose() {}
  render() {}
}`),
      options: [{ handleFunctions: ['autorun'] }],
      errors: [{ messageId: 'handleDiscarded', line: 3, column: 19 }],
    },
    // The pre-filter lets through every file a registration can be written in, without the
    // fixture import (whose path has "listener" in it): an option-named function, a quoted or
    // escaped method name, a bare `event(…)` call.
    {
      code: `declare function track(view: () => void): { dispose(): void };
class Badge {
  constructor() { track(() => this.render()); }
  dispose() {}
  render() {}
}`,
      options: [{ handleFunctions: ['track'] }],
      errors: [{ messageId: 'handleDiscarded', line: 3, column: 19 }],
    },
    {
      code: `import { EventEmitter } from 'node:events';
declare const bus: EventEmitter;
class Meter {
  constructor() { bus['on']('tick', () => this.update()); }
  dispose() {}
  update() {}
}`,
      errors: [{ messageId: 'cannotRemove', line: 4, column: 19 }],
    },
    {
      code: `import { EventEmitter } from 'node:events';
declare const bus: EventEmitter;
class Meter {
  constructor() { bus.\\u006fn('tick', () => this.update()); }
  dispose() {}
  update() {}
}`,
      errors: [{ messageId: 'cannotRemove', line: 4, column: 19 }],
    },
    {
      code: `type Event<T> = (handler: (value: T) => void) => { dispose(): void };
class View {
  constructor(event: Event<number>) { event((value) => this.show(value)); }
  dispose() {}
  show(value: number) { void value; }
}`,
      errors: [{ messageId: 'handleDiscarded', line: 3, column: 39 }],
    },
    // JavaScript: fields written in the constructor.
    {
      filename: 'file.js',
      code: `export class Client {
  constructor(socket) {
    this.socket = socket;
    this.onData = () => this.read();
    process.on('beforeExit', this.onData);
  }
  close() {}
  read() {}
}`,
      errors: [{ messageId: 'notReleased', line: 5, column: 5 }],
    },
  ],
});

const examples = docExamples('no-leaked-listener');
runRuleTests('no-leaked-listener doc examples', rule, {
  valid: examples.correct,
  invalid: examples.incorrect.map((example) => ({ code: example, errors: [{ messageId: messageIdOf(example) }] })),
});

/** Each ❌ example says which message it gets in a comment: `// messageId: …`. */
function messageIdOf(example: string): 'notReleased' | 'noTeardown' | 'cannotRemove' | 'handleDiscarded' {
  const found = /messageId: (\w+)/.exec(example)?.[1];
  if (found !== 'notReleased' && found !== 'noTeardown' && found !== 'cannotRemove' && found !== 'handleDiscarded') {
    throw new Error(`a ❌ example of no-leaked-listener names no messageId: ${example}`);
  }
  return found;
}

describe('no-leaked-listener doc examples', () => {
  it('has as many ❌ as ✅ blocks, at least three', () => {
    expect(examples.incorrect.length).toBeGreaterThanOrEqual(3);
    expect(examples.correct.length).toBe(examples.incorrect.length);
  });
});
