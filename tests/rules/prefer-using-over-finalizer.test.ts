import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule, { DEFAULT_CLEANUP_METHODS } from '../../rules/prefer-using-over-finalizer.js';
import { runRuleTests } from '../rule-tester.js';

describe('prefer-using-over-finalizer options schema', () => {
  // ESLint validates options before the rule asks for type information, so valid options get as
  // far as the "needs type information" error and invalid ones stop at the schema.
  const verify = (options: unknown, code = 'new FinalizationRegistry(() => {});'): void => {
    new Linter().verify(code, [
      { plugins: { lifetime: { rules: { rule } } }, rules: { 'lifetime/rule': ['error', options] } },
    ] as unknown as Linter.Config[]);
  };
  it.each([
    [{ bogus: true }],
    [{ cleanupMethods: 'close' }],
    [{ cleanupMethods: ['close', 'close'] }],
    [{ cleanupMethods: [''] }],
    [{ allowSafetyNet: 'yes' }],
  ])('rejects %j', (options) => {
    expect(() => {
      verify(options);
    }).toThrow(/Key "lifetime\/rule"/);
  });
  it.each([[{}], [{ cleanupMethods: ['shutdown'] }], [{ allowSafetyNet: false }]])('accepts %j', (options) => {
    expect(() => {
      verify(options);
    }).toThrow(/needs type information/);
  });
  it('returns before asking for type information in files without registry-like text', () => {
    expect(() => {
      verify({}, 'export const subject = new Map<string, () => void>();');
    }).not.toThrow();
  });
});

runRuleTests('prefer-using-over-finalizer', rule, {
  valid: [
    // Memory whose life is a buffer's: the registry only ever gets SharedArrayBuffers (and a
    // target typed any, which says nothing), so the release has no owner that could dispose it.
    {
      name: 'a registry of buffers releases memory that only the collector can end',
      code: `declare const allocator: { release(pointer: number): void };
     const buffers = {
       registry: undefined as FinalizationRegistry<number> | undefined,
       init(): void {
         buffers.registry = typeof FinalizationRegistry === 'function'
           ? new FinalizationRegistry<number>((pointer) => { allocator.release(pointer); })
           : undefined;
       },
     };
     export function share(bytes: number, pointer: number): SharedArrayBuffer {
       const buffer = new SharedArrayBuffer(bytes);
       buffers.registry?.register(buffer, pointer);
       return buffer;
     }
     export function adopt(buffer: any, pointer: number): void {
       buffers.registry?.register(buffer, pointer);
     }
     export function view(data: Uint8Array | Float64Array, pointer: number): void {
       buffers.registry?.register(data, pointer);
     }`,
    },
    // The same in plain JavaScript, where the holder's `registry: undefined` leaves it untyped:
    // `.register` on the property the registry was assigned to is still a registration of it.
    {
      name: 'a JavaScript registry of buffers kept in an untyped property',
      filename: 'file.js',
      code: `const memory = { release(pointer) { return pointer; } };
     const buffers = {
       registry: undefined,
       init() {
         buffers.registry = typeof FinalizationRegistry === 'function'
           ? new FinalizationRegistry(function (pointer) { memory.release(pointer); })
           : undefined;
       },
     };
     export function share(bytes, pointer) {
       const buffer = new SharedArrayBuffer(bytes);
       buffers.registry.register(buffer, pointer);
       return buffer;
     }`,
    },
    // Handing memory back (wasm-bindgen's free(), emscripten's _free) is what finalizers are for.
    `declare class WasmImage { free(): void }
     const images = new FinalizationRegistry<WasmImage>((image) => { image.free(); });
     void images;`,
    // Other methods of a disposable value release nothing (a getter, a setter of a slot).
    `import { TempFile } from './finalizers/resources.js';
     new FinalizationRegistry<TempFile>((file) => {
       console.log(file.describe());
     });`,
    // No registry at all: the text pre-filter skips the file.
    `declare const socket: { close(): void };
     socket.close();`,
    // A leak warning only.
    `const reg = new FinalizationRegistry<string>((label) => {
       console.warn(label + ' was not disposed');
     });`,
    // Map bookkeeping is not a resource release.
    `const cache = new Map<string, WeakRef<object>>();
     const reg = new FinalizationRegistry<string>((key) => { cache.delete(key); });`,
    // Safety net with a feature-detected registry: the variable holds it when it exists.
    `declare const supported: boolean;
     const reg = supported ? new FinalizationRegistry<{ close(): void }>((handle) => handle.close()) : undefined!;
     class Owner {
       constructor(private readonly handle: { close(): void }) { reg.register(this, handle, this); }
       close(): void {
         reg.unregister(this);
         this.handle.close();
       }
     }`,
    `declare const supported: boolean;
     const reg = supported && new FinalizationRegistry<number>((fd) => { require('node:fs').closeSync(fd); });
     export function release(owner: object, fd: number): void {
       if (reg) reg.unregister(owner);
       require('node:fs').closeSync(fd);
     }
     export function close(owner: object): void { if (reg) reg.unregister(owner); }`,
    // Safety net: a class that disposes deterministically and unregisters.
    `const reg = new FinalizationRegistry<{ close(): void }>((handle) => handle.close());
     class Owner {
       constructor(private readonly handle: { close(): void }) { reg.register(this, handle, this); }
       [Symbol.dispose](): void {
         reg.unregister(this);
         this.handle.close();
       }
     }`,
    // Safety net through a close-like method and a static field.
    `class Pool {
       static #registry = new FinalizationRegistry<{ end(): void }>((held) => held.end());
       constructor(private readonly socket: { end(): void }) { Pool.#registry.register(this, socket, this); }
       close(): void {
         Pool.#registry.unregister(this);
         this.socket.end();
       }
     }`,
    // Safety net in a subclass registry: unregister from an asyncDispose method.
    `class Sockets extends FinalizationRegistry<{ destroy(): void }> {
       constructor() { super((s) => s.destroy()); }
     }
     const sockets = new Sockets();
     class Conn {
       constructor(readonly s: { destroy(): void }) { sockets.register(this, s, this); }
       async [Symbol.asyncDispose](): Promise<void> { sockets.unregister(this); }
     }`,
    // Safety net through a private helper that the dispose method calls (wasm-bindgen's shape).
    `const reg = new FinalizationRegistry<{ close(): void }>((h) => h.close());
     class Owner {
       constructor(readonly h: { close(): void }) { reg.register(this, h, this); }
       #detach(): void { reg.unregister(this); }
       [Symbol.dispose](): void { this.#detach(); this.h.close(); }
     }`,
    // Any explicit unregister counts, whatever the method that does it is called.
    `const reg = new FinalizationRegistry<{ close(): void }>((h) => h.close());
     class Owner {
       constructor(readonly h: { close(): void }) { reg.register(this, h, this); }
       detach(): void { reg.unregister(this); }
     }`,
    // A feature-detected registry behind a small wrapper whose `unregister` forwards to it.
    `const tracker = (() => {
       if (typeof FinalizationRegistry === 'function') {
         const registry = new FinalizationRegistry<AbortController>((c) => { try { c.abort(); } catch { /* gone */ } });
         return {
           track(owner: object, c: AbortController): void { registry.register(owner, c, owner); },
           untrack(owner: object): void { registry.unregister(owner); },
         };
       }
       return { track(): void {}, untrack(): void {} };
     })();
     export const untrack = tracker.untrack;`,
    // The owner's explicit end arrives as an event: the listener unregisters.
    `import { EventEmitter } from 'node:events';
     interface Job { exited: boolean; terminate(): void }
     const reg = new FinalizationRegistry<Job>((job) => { if (!job.exited) job.terminate(); });
     export function start(owner: object, job: Job, events: EventEmitter): void {
       reg.register(owner, job, owner);
       events.once('exit', () => { reg.unregister(owner); });
     }`,
    // Unresolvable callback: not guessed.
    `declare const cleanup: (held: { close(): void }) => void;
     new FinalizationRegistry(cleanup);`,
    // A local function named like a timer API is not the host's clearTimeout.
    `function clearTimeout(id: number): void { void id; }
     new FinalizationRegistry<number>((id) => { clearTimeout(id); });`,
    // A held value that is not a resource, on a registry from another module.
    `import { leakReporter } from './finalizers/resources.js';
     leakReporter.register({}, 'owner');`,
    // Held resource on a registry whose callback in this file only warns.
    `import { Socket } from './finalizers/resources.js';
     const reg = new FinalizationRegistry<Socket>(() => { console.warn('socket leaked'); });
     reg.register({}, new Socket());`,
    // Custom method list: \`end\` is not a release here.
    {
      code: `new FinalizationRegistry<{ end(): void }>((held) => held.end());`,
      options: [{ cleanupMethods: ['close'] }],
    },
    // Not a registry: a class with a register method.
    `class Registry { register(_t: object, _h: unknown): void {} }
     declare const socket: { close(): void };
     new Registry().register({}, socket);`,
    // Odd shapes must not crash: spread arguments, no arguments, a registry typed any.
    `declare const args: [(h: { close(): void }) => void];
     new FinalizationRegistry(...args);
     // @ts-expect-error the callback is required
     new FinalizationRegistry();
     declare const loose: any;
     loose.register({}, { close() {} });
     declare const reg: FinalizationRegistry<unknown>;
     reg.register(...([{}, { close() {} }] as const));`,
    // Known limitation, kept cheap: a file without registry text that constructs an alias not
    // named like a registry is not type-checked (the same code with the text is reported below).
    `import { Tracker } from './finalizers/resources.js';
     new Tracker<{ close(): void }>((h) => h.close());`,
    // JS file with a leak-warning callback.
    {
      filename: 'file.js',
      code: `export const reg = new FinalizationRegistry((name) => { console.error(name, 'leaked'); });`,
    },
  ],
  invalid: [
    {
      // One owner that is not a buffer is enough: it could be disposed.
      name: 'a registry of buffers and of an object with an owner',
      code: `declare const allocator: { release(pointer: number): void };
const registry = new FinalizationRegistry<number>((pointer) => {
  allocator.release(pointer);
});
export function share(buffer: ArrayBuffer, pointer: number): void {
  registry.register(buffer, pointer);
}
export class Image {
  constructor(pointer: number) { registry.register(this, pointer); }
}`,
      errors: [{ messageId: 'releaseInFinalizer', data: { call: 'allocator.release()' }, line: 3, column: 3 }],
    },
    {
      // Every target typed any: nothing says the targets are memory.
      name: 'a registry whose targets are all typed any',
      code: `declare const allocator: { release(pointer: number): void };
const registry = new FinalizationRegistry<number>((pointer) => allocator.release(pointer));
export function adopt(buffer: any, pointer: number): void {
  registry.register(buffer, pointer);
}`,
      errors: [{ messageId: 'releaseInFinalizer', data: { call: 'allocator.release()' }, line: 2, column: 64 }],
    },
    {
      code: `const reg = new FinalizationRegistry<{ close(): void }>((handle) => {
  handle.close();
});`,
      errors: [{ messageId: 'releaseInFinalizer', data: { call: 'handle.close()' }, line: 2, column: 3 }],
    },
    {
      // Every default method name, one per line (`free` is not one: see the valid cases).
      code: `declare type R = Record<${DEFAULT_CLEANUP_METHODS.map((name) => `'${name}'`).join(' | ')}, () => void>;
new FinalizationRegistry<R>((r) => {
${DEFAULT_CLEANUP_METHODS.map((name) => `  r.${name}();`).join('\n')}
});`,
      errors: DEFAULT_CLEANUP_METHODS.map((_, index) => ({ messageId: 'releaseInFinalizer' as const, line: index + 3, column: 3 })),
    },
    {
      // A factory that returns a registry made with the callback it is given.
      code: `import { closeSync } from 'node:fs';
const newFinalizer = <T,>(handler: (held: T) => void) => new FinalizationRegistry<T>(handler);
export const files = newFinalizer<number>((fd) => closeSync(fd));`,
      errors: [{ messageId: 'releaseInFinalizer', data: { call: 'closeSync()' }, line: 3, column: 51 }],
    },
    {
      // Symbol.dispose / Symbol.asyncDispose calls.
      code: `new FinalizationRegistry<Disposable & AsyncDisposable>((r) => {
  r[Symbol.dispose]();
  void r[Symbol.asyncDispose]();
});`,
      errors: [
        { messageId: 'releaseInFinalizer', data: { call: 'r[Symbol.dispose]()' }, line: 2, column: 3 },
        { messageId: 'releaseInFinalizer', data: { call: 'r[Symbol.asyncDispose]()' }, line: 3, column: 8 },
      ],
    },
    {
      // Timers and fs.
      code: `import * as fs from 'node:fs';
import { closeSync } from 'node:fs';
new FinalizationRegistry<{ timer: NodeJS.Timeout; fd: number }>((held) => {
  clearInterval(held.timer);
  globalThis.clearTimeout(held.timer);
  fs.closeSync(held.fd);
  closeSync(held.fd);
  fs.close(held.fd, () => {});
});`,
      errors: [
        { messageId: 'releaseInFinalizer', data: { call: 'clearInterval()' }, line: 4, column: 3 },
        { messageId: 'releaseInFinalizer', data: { call: 'globalThis.clearTimeout()' }, line: 5, column: 3 },
        { messageId: 'releaseInFinalizer', data: { call: 'fs.closeSync()' }, line: 6, column: 3 },
        { messageId: 'releaseInFinalizer', data: { call: 'closeSync()' }, line: 7, column: 3 },
        { messageId: 'releaseInFinalizer', data: { call: 'fs.close()' }, line: 8, column: 3 },
      ],
    },
    {
      // The dispose symbol releases a disposable value, whatever the method names.
      code: `import { TempFile } from './finalizers/resources.js';
new FinalizationRegistry<TempFile>((file) => {
  console.log(file.describe());
  file[Symbol.dispose]();
});`,
      errors: [{ messageId: 'releaseInFinalizer', data: { call: 'file[Symbol.dispose]()' }, line: 4, column: 3 }],
    },
    {
      // Function declaration as callback, and a nested callback inside it.
      code: `function sweep(handles: { close(): void }[]): void {
  handles.forEach((h) => h.close());
}
new FinalizationRegistry(sweep);`,
      errors: [{ messageId: 'releaseInFinalizer', line: 2, column: 26 }],
    },
    {
      // const arrow callback, alias of the constructor.
      code: `const FR = FinalizationRegistry;
const onCollect = (s: { end(): void }): void => { s.end(); };
new FR(onCollect);`,
      errors: [{ messageId: 'releaseInFinalizer', line: 2, column: 51 }],
    },
    {
      // Method references: this.m.bind(this), Foo.m.
      code: `class Owner {
  static closeAll(s: { close(): void }): void { s.close(); }
  static reg = new FinalizationRegistry(Owner.closeAll);
  onCollect(s: { destroy(): void }): void { s.destroy(); }
  reg = new FinalizationRegistry(this.onCollect.bind(this));
}`,
      errors: [
        { messageId: 'releaseInFinalizer', line: 2, column: 49 },
        { messageId: 'releaseInFinalizer', line: 4, column: 45 },
      ],
    },
    {
      // Subclass with its own super(cb) callback.
      code: `class WorkerPool extends FinalizationRegistry<{ terminate(): Promise<number> }> {
  constructor() {
    super((worker) => { void worker.terminate(); });
  }
}`,
      errors: [{ messageId: 'releaseInFinalizer', line: 3, column: 30 }],
    },
    {
      // Cross-module alias and subclass, callback written here.
      code: `import { PlainSubRegistry, RegistryAlias } from './finalizers/shared-registry.js';
new RegistryAlias<{ close(): void }>((h) => h.close());
new PlainSubRegistry<{ close(): void }>((h) => h.close());`,
      errors: [
        { messageId: 'releaseInFinalizer', line: 2, column: 45 },
        { messageId: 'releaseInFinalizer', line: 3, column: 48 },
      ],
    },
    {
      // No registry text in this file: an imported subclass extended here, its super(cb) found.
      code: `import { PlainSubRegistry } from './finalizers/shared-registry.js';
export class Sockets extends PlainSubRegistry<{ end(): void }> {
  constructor() {
    super((s) => { s.end(); });
  }
}`,
      errors: [{ messageId: 'releaseInFinalizer', data: { call: 's.end()' }, line: 4, column: 20 }],
    },
    {
      // The same alias in a file that names FinalizationRegistry (here in a comment).
      code: `import { Tracker } from './finalizers/resources.js';
// Tracker is FinalizationRegistry.
new Tracker<{ close(): void }>((h) => h.close());`,
      errors: [{ messageId: 'releaseInFinalizer', data: { call: 'h.close()' }, line: 3, column: 39 }],
    },
    {
      // An unregister of another registry does not make this one a safety net.
      code: `const reg = new FinalizationRegistry<{ close(): void }>((h) => h.close());
const other = new FinalizationRegistry<number>(() => {});
class Owner {
  constructor(readonly h: { close(): void }) { reg.register(this, h, this); other.register(this, 1, this); }
  [Symbol.dispose](): void { other.unregister(this); }
}`,
      errors: [{ messageId: 'releaseInFinalizer', line: 1, column: 64 }],
    },
    {
      // allowSafetyNet: false reports even with dispose + unregister.
      code: `const reg = new FinalizationRegistry<{ close(): void }>((h) => h.close());
class Owner {
  constructor(readonly h: { close(): void }) { reg.register(this, h, this); }
  [Symbol.dispose](): void { reg.unregister(this); this.h.close(); }
}`,
      options: [{ allowSafetyNet: false }],
      errors: [{ messageId: 'releaseInFinalizer', line: 1, column: 64 }],
    },
    {
      // A dispose method of another registry does not cover this one.
      code: `const a = new FinalizationRegistry<{ close(): void }>((h) => h.close());
const b = new FinalizationRegistry<number>(() => {});
class Owner {
  [Symbol.dispose](): void { b.unregister(this); }
}
void a;`,
      errors: [{ messageId: 'releaseInFinalizer', line: 1, column: 62 }],
    },
    {
      // Custom cleanup method names replace the defaults.
      code: `new FinalizationRegistry<{ shutdown(): void; close(): void }>((s) => {
  s.shutdown();
  s.close();
});`,
      options: [{ cleanupMethods: ['shutdown'] }],
      errors: [{ messageId: 'releaseInFinalizer', data: { call: 's.shutdown()' }, line: 2, column: 3 }],
    },
    {
      // A resource as held value on a registry from another module.
      code: `import { Socket, socketRegistry } from './finalizers/resources.js';
const socket = new Socket();
socketRegistry.register({}, socket);`,
      errors: [{ messageId: 'resourceAsHeldValue', data: { type: 'Socket' }, line: 3, column: 29 }],
    },
    {
      // A Disposable / AsyncDisposable held value (type implements the protocol).
      code: `import { Connection, TempFile, leakReporter } from './finalizers/resources.js';
declare const reg: FinalizationRegistry<unknown>;
reg.register({}, new TempFile('/tmp/x'));
reg.register({}, new Connection());
void leakReporter;`,
      errors: [
        { messageId: 'resourceAsHeldValue', data: { type: 'TempFile' }, line: 3, column: 18 },
        { messageId: 'resourceAsHeldValue', data: { type: 'Connection' }, line: 4, column: 18 },
      ],
    },
    {
      // Optional registry field typed with an imported registry; nullable held resource.
      code: `import type { Socket } from './finalizers/resources.js';
class Holder {
  registry?: FinalizationRegistry<Socket>;
  track(s: Socket | undefined): void {
    this.registry?.register(this, s);
  }
}`,
      errors: [{ messageId: 'resourceAsHeldValue', data: { type: 'Socket | undefined' }, line: 5, column: 35 }],
    },
    {
      // JS file: registry assigned in a constructor, callback releases.
      filename: 'file.js',
      code: `export class Owner {
  constructor() {
    this.registry = new FinalizationRegistry((/** @type {{ close(): void }} */ h) => { h.close(); });
  }
}`,
      errors: [{ messageId: 'releaseInFinalizer', line: 3, column: 88 }],
    },
    {
      // Optional call and non-null receiver.
      code: `new FinalizationRegistry<{ port?: { close(): void } }>((held) => {
  held.port?.close();
  held.port!.close();
});`,
      errors: [
        { messageId: 'releaseInFinalizer', line: 2, column: 3 },
        { messageId: 'releaseInFinalizer', line: 3, column: 3 },
      ],
    },
  ],
});
