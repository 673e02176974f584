import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../rules/require-using.js';
import { docExamples } from '../doc-examples.js';
import { runRuleTests } from '../rule-tester.js';

describe('require-using options schema', () => {
  // ESLint validates options before the rule asks for type information, so valid options get as
  // far as the "needs type information" error and invalid ones stop at the schema.
  const verify = (options: unknown): void => {
    new Linter().verify('open();', [
      { plugins: { lifetime: { rules: { rule } } }, rules: { 'lifetime/rule': ['error', options] } },
    ] as unknown as Linter.Config[]);
  };
  it.each([
    [{ bogus: true }],
    [{ ignore: 'Resource' }],
    [{ ignore: [{ from: 'package', name: 'Socket' }] }],
    [{ ignore: [{ from: 'everywhere', name: 'Socket' }] }],
    [{ transferFunctions: [42] }],
    [{ disposeMethods: ['close', 'close'] }],
    [{ disposeMethods: [''] }],
  ])('rejects %j', (options) => {
    expect(() => {
      verify(options);
    }).toThrow(/Key "lifetime\/rule"/);
  });
  it.each([
    [{}],
    [{ ignore: [] }],
    [{ ignore: ['Resource', { from: 'lib', name: 'IteratorObject' }, { from: 'package', package: 'pg', name: ['Client', 'Pool'] }] }],
    [{ ignore: [{ from: 'file', name: 'Resource', path: 'src/resource.ts' }] }],
    [{ transferFunctions: ['listen', { from: 'package', package: '@types/node', name: 'pipeline' }] }],
    [{ disposeMethods: ['shutdown'] }],
  ])('accepts %j', (options) => {
    expect(() => {
      verify(options);
    }).toThrow(/needs type information/);
  });
});

// Every case imports the fixture module on its last line (imports are hoisted), so that line
// numbers count from the code under test and the test names start with it.
const footer = `\nimport { AsyncResource, Builder, Closeable, LookAlike, Owner, Resource, SubResource, builder, consume, create, make, maybeOpen, open, openAsync, openEither, tag, track } from './require-using/resources.js';`;
const code = (body: string): string => body + footer;
// Keeps the fixture imports used, so that the cases type-check as written.
const handing = "import { Client, Digest, adopt, connect, current, digest, forward, inspect, maybeConnect } from './require-using/handing.js';\nimport { Resource, open } from './require-using/resources.js';\nvoid [Client, Digest, adopt, connect, current, digest, forward, inspect, maybeConnect, Resource, open];\n";
const uses = 'void [AsyncResource, Builder, Closeable, LookAlike, Owner, Resource, SubResource, builder, consume, create, make, maybeOpen, open, openAsync, openEither, tag, track];\n';

runRuleTests('require-using', rule, {
  valid: [
    // A registration whose handle is only a Disposable: a statement that drops it keeps the
    // listener until the signal aborts, as intended; no-leaked-listener judges what it captures.
    code('import { addAbortListener } from "node:events";\nfunction f(signal: AbortSignal, onAbort: () => void) {\n  addAbortListener(signal, () => {});\n  addAbortListener(signal, onAbort);\n}'),
    code('declare function onSettled(listener: () => void): AsyncDisposable | undefined;\nfunction f() {\n  onSettled(() => {});\n}'),
    // A CommonJS import: the module cache keeps the exports, whoever requires them.
    {
      code: "const pool = require('./require-using/shared-pool.cjs');\nfunction f() {\n  const again = require('./require-using/shared-pool.cjs');\n  return again.query('x') + pool.query('y');\n}\nmodule.exports = { f };\n",
      filename: 'file.cjs',
    },
    // Disposed with using / await using.
    code('using r = open();\nr.read();'),
    code('async function f() {\n  await using r = await openAsync();\n  r.read();\n}'),
    // `await using` on a value that is only Disposable is await-thenable's business, not ours.
    code('async function f() {\n  await using r = open();\n  r.read();\n}'),
    // Disposed by a call of its dispose method, on some path.
    code('const r = open();\ntry {\n  r.read();\n} finally {\n  r[Symbol.dispose]();\n}'),
    code('async function f() {\n  const r = await openAsync();\n  try { r.read(); } finally { await r[Symbol.asyncDispose](); }\n}'),
    code('import * as fsp from "node:fs/promises";\nasync function f(path: string) {\n  const fh = await fsp.open(path);\n  try { await fh.read(); } finally { await fh.close(); }\n}'),
    code('function f(flag: boolean) {\n  const r = open();\n  if (flag) r?.[Symbol.dispose]();\n}'),
    // Disposed later by a stack that it was handed to, or by a callback on a stack.
    code('using stack = new DisposableStack();\nconst r = open();\nstack.defer(() => r[Symbol.dispose]());'),
    code('using stack = new DisposableStack();\nconst r = stack.use(open());\nr.read();'),
    code('await using stack = new AsyncDisposableStack();\nconst r = await openAsync();\nstack.use(r);'),
    code('using stack = new DisposableStack();\nconst r = open();\nstack.adopt(r, (value) => value[Symbol.dispose]());'),
    // Escapes: returned, yielded, thrown.
    code('function f() {\n  const r = open();\n  r.read();\n  return r;\n}'),
    code('function* g() {\n  const r = open();\n  yield r;\n}'),
    code('function f() {\n  const r = open();\n  throw r;\n}'),
    code('async function f() {\n  const r = await openAsync();\n  return await r;\n}'),
    code('function f(flag: boolean) {\n  const r = open();\n  return flag ? r : undefined;\n}'),
    // Escapes: assigned to a property, an outer variable, an alias.
    code('class C {\n  r?: Resource;\n  m() {\n    const r = open();\n    this.r = r;\n  }\n}'),
    code('let outer: Resource | undefined;\nfunction f() {\n  const r = open();\n  outer = r;\n}'),
    code('function f() {\n  const r = open();\n  const alias = r;\n  return alias;\n}'),
    // Escapes: stored in an array, object or collection.
    code('function f() {\n  const r = open();\n  return [r];\n}'),
    code('function f() {\n  const r = open();\n  return { r };\n}'),
    code('const all: Resource[] = [];\nfunction f() {\n  const r = open();\n  all.push(r);\n}'),
    code('const byName = new Map<string, Resource>();\nfunction f() {\n  const r = open();\n  byName.set("a", r);\n}'),
    code('const live = new Set<Resource>();\nfunction f() {\n  const r = open();\n  live.add(r);\n}'),
    // Escapes: passed as an argument (ownership moves to the callee).
    code('const r = open();\nconsume(r);'),
    code('const r = open();\nconst owner = new Owner(r);\nowner.resource[Symbol.dispose]();'),
    code('const r = open();\nconst text = tag`${r}`;\nvoid text;'),
    // Escapes: captured by a closure that is returned or stored.
    code('function f() {\n  const r = open();\n  return () => r.read();\n}'),
    code('function f() {\n  const r = open();\n  return { read() { return r.read(); } };\n}'),
    code('function f() {\n  const r = open();\n  function read() { return r.read(); }\n  return read;\n}'),
    code('function f(on: (listener: () => void) => void) {\n  const r = open();\n  on(() => r.read());\n}'),
    // Escapes: exported.
    code('export const r = open();'),
    code('const r = open();\nexport { r };'),
    code('const r = open();\nexport default r;'),
    // Consumed by for-of (iteration closes it the way the iterable defines).
    {
      code: code('declare function rows(): Iterable<string> & Disposable;\nconst all = rows();\nfor (const row of all) void row;'),
    },
    // Not a new value: methods returning `this`, functions returning their argument.
    code('builder.with("a").with("b");'),
    code('const again = builder.with("a");\nvoid again;'),
    code('const r = track(open());\nvoid r;\nexport { r };'),
    code('import * as http from "node:http";\nhttp.createServer().listen(0);'),
    // Explicitly discarded with void.
    code('void open();'),
    // Not Disposable, or not every union member is.
    code(uses + 'const m = new Map<string, number>();\nm.clear();'),
    code('const c = new Closeable();\nc.close();'),
    code('const l = new LookAlike();\nvoid l;'),
    code('declare function anything(): any;\nanything();'),
    // Temporaries inside a larger expression and class fields are out of scope.
    code('consume(open());'),
    code('const n = open().read();\nvoid n;'),
    code('class C {\n  r = open();\n}\nvoid C;'),
    code('const f = () => open();\nvoid f;'),
    // A reassigned binding is not tracked.
    code('let r = open();\nr.read();\nr = open();\nr.read();'),
    // Default ignore list: built-in iterators and generators, Node timers and child processes.
    code('const it = [1, 2].values();\nit.next();'),
    code('function* g() { yield 1; }\nconst it = g();\nit.next();'),
    code('async function* g() { yield 1; }\nconst it = g();\nvoid it.next();'),
    code('setTimeout(() => {}, 10);\nconst t = setInterval(() => {}, 10);\nt.unref();'),
    code('import { spawn, exec } from "node:child_process";\nspawn("ls");\nexec("ls", () => {});'),
    // A type parameter is its constraint, also for the ignore list.
    code('function f<T extends NodeJS.Timeout>(start: () => T) {\n  start();\n}\nvoid f;'),
    // An instantiation of a generic type without a dispose member is not Disposable.
    code('declare class Box<T> {\n  value: T;\n}\nnew Box<string>();\nnew Box<Resource>();'),
    // Piped streams are owned by the pipe (default transferFunctions).
    code('import * as fs from "node:fs";\nconst source = fs.createReadStream("in");\nsource.pipe(process.stdout);'),
    // Borrowed, not created: the callee's body returns existing state (src/ownership.ts).
    ...['page()', 'await s.document()', 'context("a")', 'samePage()', 'framePage()', 'pass(r)'].map((call) => ({
      code: `import { Session, type Frame } from './require-using/ownership.js';\nimport type { Resource } from './require-using/resources.js';\nexport function f(s: Session, frame: Frame, r: Resource) {\n  const value = ${call.startsWith('await') ? call : `s.${call}`};\n  void frame;\n  return typeof value;\n}`.replace('export function f', call.startsWith('await') ? 'export async function f' : 'export function f'),
    })),
    "import type { Frame } from './require-using/ownership.js';\nexport function f(frame: Frame) {\n  const page = frame.page();\n  return page.name;\n}",
    "import type { Frame } from './require-using/ownership.js';\nexport function f(frame: Frame) {\n  frame.page();\n}",
    // A call that resolves to one of its arguments creates nothing (`stream.pipeline(source, destination, cb)`).
    `${handing}export function f(destination: Resource) {\n  const out = forward(open(), destination);\n  out.read();\n}`,
    `${handing}export function f(source: Resource, destination: Resource) {\n  forward(source, destination);\n}`,
    // Returns that hand back a value the callee was given, or nothing at all (a helper that returns `void`).
    'import type { Socket } from "node:net";\nfunction abort(socket: Socket): void {\n  socket.end();\n}\nfunction finish(socket: Socket, closed: boolean) {\n  if (closed) return socket.destroy();\n  if (socket.pending) return abort(socket);\n  socket.write("x");\n}\nexport function f(socket: Socket) {\n  finish(socket, true);\n}',
    // `f.apply(thisArg, …)` on a method whose every overload returns `this` hands back `thisArg`.
    'import * as net from "node:net";\nexport class S {\n  server = net.createServer();\n  listen(port: number) {\n    this.server.listen.apply(this.server, [port]);\n    return this;\n  }\n}',
    // A call through `?.` that hands back its argument (`child.stdout?.pipe(process.stdout)`).
    'import type { ChildProcess } from "node:child_process";\nexport function f(child: ChildProcess) {\n  child.stdout?.pipe(process.stdout);\n}',
    // A method that resolves to its receiver hands back the same value, which then leaves the scope.
    `${handing}export async function f() {\n  const client = new Client();\n  return await client.connect();\n}`,
    `${handing}export function f(d: Digest) {\n  d.update("x");\n}`,
    `${handing}export function f() {\n  const d = digest();\n  return d.update("x");\n}`,
    // A parameter owns what it is given unless it is tagged `@borrows`.
    `${handing}export function f() {\n  const r = open();\n  adopt(r);\n}`,
    // A result tagged `@borrows` belongs to somebody else; so does a container's element.
    `${handing}export function f() {\n  const r = current();\n  r.read();\n}`,
    `${handing}export function f(m: Map<string, Resource>) {\n  const r = m.get("a");\n  r?.read();\n}`,
    `${handing}export function f(refs: WeakRef<Resource>[]) {\n  const r = refs.pop()?.deref();\n  r?.read();\n}`,
    // A stack that was moved is empty; the new stack leaves the scope.
    `${handing}export function f() {\n  const stack = new DisposableStack();\n  stack.use(open());\n  const moved = stack.move();\n  return moved;\n}`,
    // Something read from the value leaves the scope, so the value must stay open for it.
    `${handing}export function f() {\n  const c = connect();\n  return c.cursor();\n}`,
    `${handing}export function f() {\n  const c = connect();\n  const cursor = c.cursor();\n  return { cursor };\n}`,
    // Plain data read from the value becomes part of an object that outlives the function: the
    // new owner names the resource by it (a container id), so the resource has to stay open.
    code('declare class Ticket {\n  constructor(id: string);\n}\nexport function f() {\n  const r = open();\n  return new Ticket(r.read());\n}'),
    code('export async function f() {\n  const r = await openAsync();\n  const id = r.read();\n  return { id, when: Date.now() };\n}'),
    code('export class Keeper {\n  name = "";\n  start() {\n    const r = open();\n    this.name = r.name;\n  }\n}'),
    // Options.
    { code: code('new Resource();'), options: [{ ignore: ['Resource'] }] },
    { code: code('new SubResource();'), options: [{ ignore: ['Resource'] }] },
    { code: code('new Resource();'), options: [{ ignore: [{ from: 'file', name: 'Resource', path: 'require-using/resources.ts' }] }] },
    { code: code('import * as fsp from "node:fs/promises";\nawait fsp.open("x");'), options: [{ ignore: [{ from: 'package', package: '@types/node', name: 'FileHandle' }] }] },
    { code: code('const r = open();\nr.shutdown();'), options: [{ disposeMethods: ['shutdown'] }] },
    { code: code('const r = open();\nr.read();'), options: [{ transferFunctions: ['read'] }] },
    // Super calls and declarations without initializers.
    code('class D extends Resource {\n  constructor() {\n    super();\n  }\n}\nvoid D;'),
    code('declare const r: Resource;\nr.read();'),
  ],
  invalid: [
    // Discarded results.
    {
      code: code('new Resource();'),
      errors: [{ messageId: 'discarded', line: 1, column: 1, endColumn: 15 }],
    },
    {
      code: code('open();'),
      errors: [{ messageId: 'discarded', line: 1, column: 1 }],
    },
    {
      code: code('import * as fsp from "node:fs/promises";\nasync function f(path: string) {\n  await fsp.open(path);\n}'),
      errors: [{ messageId: 'discarded', line: 3, column: 9 }],
    },
    // The handle of a registration, kept and never disposed: the listener was meant to come off,
    // but when is not the block's to say, so no `using` is suggested.
    {
      code: code('import { addAbortListener } from "node:events";\nfunction f(signal: AbortSignal) {\n  const handle = addAbortListener(signal, () => {});\n  void handle;\n}'),
      errors: [{ messageId: 'notDisposed', line: 3, column: 18, suggestions: [] }],
    },
    // A plain Disposable made without a callback is still a creation.
    {
      code: code('declare function lease(name: string): Disposable;\nfunction f() {\n  lease("a");\n}'),
      errors: [{ messageId: 'discarded', line: 3, column: 3 }],
    },
    // A callback given to a call whose result has more than a dispose (a class instance).
    {
      code: code('declare function watch(path: string, onChange: () => void): Resource;\nfunction f() {\n  watch("a", () => {});\n}'),
      errors: [{ messageId: 'discarded', line: 3, column: 3 }],
    },
    {
      code: code('open() as Resource;'),
      errors: [{ messageId: 'discarded', line: 1, column: 1 }],
    },
    {
      code: code('const { name } = new Resource();\nvoid name;'),
      errors: [{ messageId: 'discarded', line: 1, column: 18 }],
    },
    {
      code: code('builder.build();'),
      errors: [{ messageId: 'discarded', line: 1, column: 1 }],
    },
    // A path that returns nothing does not hide the path that creates.
    {
      code: code('function abort(): void {}\nfunction make(flag: boolean) {\n  if (flag) return abort();\n  return open();\n}\nmake(true);'),
      errors: [{ messageId: 'discarded', line: 6, column: 1 }],
    },
    // The type read from the call's signature is the one the call has: overloads, a narrowed callee, `await`.
    {
      code: code("declare function acquire(kind: 'file'): Resource;\ndeclare function acquire(kind: 'name'): string;\nacquire('name');\nacquire('file');"),
      errors: [{ messageId: 'discarded', line: 4, column: 1 }],
    },
    {
      code: code('declare let maker: () => object;\ndeclare function makesResources(f: () => object): f is () => Resource;\nif (makesResources(maker)) maker();'),
      errors: [{ messageId: 'discarded', line: 3, column: 28 }],
    },
    {
      code: code('declare const pool: { openAsync(): Promise<AsyncResource> } | undefined;\nasync function f() {\n  await pool?.openAsync();\n}'),
      errors: [{ messageId: 'discarded', line: 3, column: 9 }],
    },
    {
      code: code('class Files {\n  open(): Resource {\n    return new Resource();\n  }\n  async openLater(): Promise<Resource> {\n    return this.open();\n  }\n  async run() {\n    await this.openLater();\n  }\n}'),
      errors: [{ messageId: 'discarded', line: 9, column: 11 }],
    },
    // Bound and never disposed, with the suggestion.
    {
      code: code('function f() {\n  const r = new Resource();\n  r.read();\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: code('function f() {\n  using r = new Resource();\n  r.read();\n}') }],
        },
      ],
    },
    {
      code: code('function f() {\n  let r = open();\n  r.read();\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 11,
          suggestions: [{ messageId: 'useUsing', output: code('function f() {\n  using r = open();\n  r.read();\n}') }],
        },
      ],
    },
    {
      code: code('const r: Resource = open() as Resource;\nr.read();'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 1,
          column: 21,
          suggestions: [{ messageId: 'useUsing', output: code('using r: Resource = open() as Resource;\nr.read();') }],
        },
      ],
    },
    // Node's FileHandle (fs.promises): AsyncDisposable, so `await using` in an async function.
    {
      code: code('import * as fsp from "node:fs/promises";\nasync function f(path: string) {\n  const fh = await fsp.open(path);\n  await fh.write("x");\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: 'useUsing',
              output: code('import * as fsp from "node:fs/promises";\nasync function f(path: string) {\n  await using fh = await fsp.open(path);\n  await fh.write("x");\n}'),
            },
          ],
        },
      ],
    },
    // Top-level await in an ES module (the fixtures package is "type": "module").
    {
      code: code('import { open as openFile } from "node:fs/promises";\nconst fh = await openFile("x");\nawait fh.stat();'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 18,
          suggestions: [
            { messageId: 'useUsing', output: code('import { open as openFile } from "node:fs/promises";\nawait using fh = await openFile("x");\nawait fh.stat();') },
          ],
        },
      ],
    },
    // AsyncDisposable outside an async function: reported, but `await using` cannot go there.
    {
      code: code('function f() {\n  const r = new AsyncResource();\n  r.read();\n}'),
      errors: [{ messageId: 'notDisposed', line: 2, column: 13, suggestions: [] }],
    },
    {
      code: code('async function f() {\n  class C {\n    static {\n      const r = new AsyncResource();\n      r.read();\n    }\n  }\n  return C;\n}'),
      errors: [{ messageId: 'notDisposed', line: 4, column: 17, suggestions: [] }],
    },
    // A union where every member is disposable, one of them only asynchronously.
    {
      code: code('async function f(flag: boolean) {\n  const r = openEither(flag);\n  r.read();\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: code('async function f(flag: boolean) {\n  await using r = openEither(flag);\n  r.read();\n}') }],
        },
      ],
    },
    // Generic factories.
    {
      code: code('function f() {\n  const r = create(Resource);\n  r.read();\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: code('function f() {\n  using r = create(Resource);\n  r.read();\n}') }],
        },
      ],
    },
    {
      code: code('function f() {\n  const r = make(() => new SubResource());\n  r.read();\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: code('function f() {\n  using r = make(() => new SubResource());\n  r.read();\n}') }],
        },
      ],
    },
    {
      code: code('function f<T extends Disposable>(factory: () => T) {\n  const r = factory();\n  return typeof r;\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: code('function f<T extends Disposable>(factory: () => T) {\n  using r = factory();\n  return typeof r;\n}') }],
        },
      ],
    },
    // A DisposableStack is itself Disposable.
    {
      code: code('function f() {\n  const stack = new DisposableStack();\n  stack.defer(() => {});\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 17,
          suggestions: [{ messageId: 'useUsing', output: code('function f() {\n  using stack = new DisposableStack();\n  stack.defer(() => {});\n}') }],
        },
      ],
    },
    // Uses that neither dispose nor let the value go.
    {
      code: code('function f(flag: boolean) {\n  const r = open();\n  if (r && flag) console.log(`${r}`, typeof r, r.name);\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [
            { messageId: 'useUsing', output: code('function f(flag: boolean) {\n  using r = open();\n  if (r && flag) console.log(`${r}`, typeof r, r.name);\n}') },
          ],
        },
      ],
    },
    {
      code: code('function f() {\n  const b = new Builder();\n  b.with("x").with("y");\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: code('function f() {\n  using b = new Builder();\n  b.with("x").with("y");\n}') }],
        },
      ],
    },
    // Handlers given to the value keep working after the block: reported, but `using` would cut them off.
    {
      code: code('import * as fs from "node:fs";\nasync function f() {\n  const s = fs.createReadStream("in");\n  s.on("data", () => {});\n}'),
      errors: [{ messageId: 'notDisposed', line: 3, column: 13, suggestions: [] }],
    },
    {
      code: code('import * as fs from "node:fs";\nfunction f(done: () => void) {\n  const s = fs.createReadStream("in");\n  s.once("end", done);\n}'),
      errors: [{ messageId: 'notDisposed', line: 3, column: 13, suggestions: [] }],
    },
    // Used in callbacks that run now: reported, but no suggestion (a later callback would see a disposed value).
    {
      code: code('function f() {\n  const r = open();\n  (() => r.read())();\n}'),
      errors: [{ messageId: 'notDisposed', line: 2, column: 13, suggestions: [] }],
    },
    {
      code: code('function f() {\n  const r = open();\n  function read() { return r.read(); }\n  read();\n}'),
      errors: [{ messageId: 'notDisposed', line: 2, column: 13, suggestions: [] }],
    },
    // Places where `using` cannot replace the declaration.
    {
      code: code('function f() {\n  var r = open();\n  r.read();\n}'),
      errors: [{ messageId: 'notDisposed', line: 2, column: 11, suggestions: [] }],
    },
    {
      code: code('function f() {\n  const r = open(), n = 1;\n  r.read();\n  return n;\n}'),
      errors: [{ messageId: 'notDisposed', line: 2, column: 13, suggestions: [] }],
    },
    {
      code: code('function f(k: number) {\n  switch (k) {\n    case 1:\n      const r = open();\n      r.read();\n  }\n}'),
      errors: [{ messageId: 'notDisposed', line: 4, column: 17, suggestions: [] }],
    },
    {
      code: code('class C {\n  static {\n    const r = open();\n    r.read();\n  }\n}\nvoid C;'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 3,
          column: 15,
          suggestions: [{ messageId: 'useUsing', output: code('class C {\n  static {\n    using r = open();\n    r.read();\n  }\n}\nvoid C;') }],
        },
      ],
    },
    // Each instantiation of a generic Disposable is one, whatever its type arguments.
    {
      code: code('declare class Pool<T> {\n  take(): T;\n  [Symbol.dispose](): void;\n}\nnew Pool<string>();\nnew Pool<Resource>();\nnew Pool<Pool<number>>();'),
      errors: [
        { messageId: 'discarded', line: 5, column: 1 },
        { messageId: 'discarded', line: 6, column: 1 },
        { messageId: 'discarded', line: 7, column: 1 },
      ],
    },
    {
      code: code('declare class Channel<T> {\n  send(value: T): void;\n  [Symbol.asyncDispose](): Promise<void>;\n}\nasync function f() {\n  const c = new Channel<string>();\n  c.send("a");\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 6,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: code('declare class Channel<T> {\n  send(value: T): void;\n  [Symbol.asyncDispose](): Promise<void>;\n}\nasync function f() {\n  await using c = new Channel<string>();\n  c.send("a");\n}') }],
        },
      ],
    },
    // The default ignore list can be replaced.
    {
      code: code('const it = [1, 2].values();\nit.next();'),
      // Built-in iterators are Disposable in TypeScript's lib from 5.6 on.
      dependencyConstraints: { typescript: '5.6' },
      options: [{ ignore: [] }],
      errors: [{ messageId: 'notDisposed', line: 1, column: 12, suggestions: [{ messageId: 'useUsing', output: code('using it = [1, 2].values();\nit.next();') }] }],
    },
    {
      code: code('setTimeout(() => {}, 10);'),
      options: [{ ignore: ['Resource'] }],
      errors: [{ messageId: 'discarded', line: 1, column: 1 }],
    },
    {
      code: code('import { spawn } from "node:child_process";\nspawn("ls");'),
      options: [{ ignore: [] }],
      errors: [{ messageId: 'discarded', line: 2, column: 1 }],
    },
    {
      code: code('new Resource();'),
      options: [{ ignore: ['SubResource'] }],
      errors: [{ messageId: 'discarded', line: 1, column: 1 }],
    },
    // Without `pipe` among the transfer functions, a piped stream is reported.
    {
      code: code('import * as fs from "node:fs";\nfunction f() {\n  const source = fs.createReadStream("in");\n  source.pipe(process.stdout);\n}'),
      options: [{ transferFunctions: [] }],
      errors: [{ messageId: 'notDisposed', line: 3, column: 18, suggestions: [] }],
    },
    // disposeMethods replaces the default names.
    {
      code: code('function f() {\n  const r = open();\n  r.shutdown();\n}'),
      options: [{ disposeMethods: ['release'] }],
      errors: [{ messageId: 'notDisposed', line: 2, column: 13, suggestions: [{ messageId: 'useUsing', output: code('function f() {\n  using r = open();\n  r.shutdown();\n}') }] }],
    },
    // Owned: the callee's body makes the value (on at least one path).
    ...['fresh()', 'freshLocal()', 'either(true)', 'nested(2)'].map((call) => ({
      code: `import type { Session } from './require-using/ownership.js';\nexport function f(s: Session) {\n  const value = s.${call};\n  return typeof value;\n}`,
      errors: [
        {
          messageId: 'notDisposed' as const,
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'useUsing' as const,
              output: `import type { Session } from './require-using/ownership.js';\nexport function f(s: Session) {\n  using value = s.${call};\n  return typeof value;\n}`,
            },
          ],
        },
      ],
    })),
    {
      code: "import type { Session } from './require-using/ownership.js';\nexport function f(s: Session) {\n  s.fresh();\n}",
      errors: [{ messageId: 'discarded', line: 3, column: 3 }],
    },
    // In a constructor the value usually serves the object being built: reported, no `using`.
    {
      code: code('class Wrapper {\n  loaded = false;\n  constructor() {\n    const forward = new Builder();\n    forward.with("load");\n  }\n}\nvoid Wrapper;'),
      errors: [{ messageId: 'notDisposed', line: 4, column: 21, suggestions: [] }],
    },
    // `T | undefined` / `T | null` results whose other part is a creation.
    {
      code: code('function f() {\n  const r = maybeOpen();\n  r?.read();\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: code('function f() {\n  using r = maybeOpen();\n  r?.read();\n}') }],
        },
      ],
    },
    // A `@borrows` parameter leaves the duty to dispose with the caller.
    {
      code: `${handing}export function f() {\n  const r = open();\n  inspect(r);\n}`,
      errors: [
        {
          messageId: 'notDisposed',
          line: 5,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: `${handing}export function f() {\n  using r = open();\n  inspect(r);\n}` }],
        },
      ],
    },
    // What is read from the value stays in the block, or is plain data.
    {
      code: `${handing}export function f() {\n  const c = connect();\n  const cursor = c.cursor();\n  cursor.next();\n}`,
      errors: [
        {
          messageId: 'notDisposed',
          line: 5,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: `${handing}export function f() {\n  using c = connect();\n  const cursor = c.cursor();\n  cursor.next();\n}` }],
        },
      ],
    },
    {
      code: `${handing}export function f() {\n  const c = connect();\n  return c.cursor().next();\n}`,
      errors: [
        {
          messageId: 'notDisposed',
          line: 5,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: `${handing}export function f() {\n  using c = connect();\n  return c.cursor().next();\n}` }],
        },
      ],
    },
    // Plain data that is only logged or returned as a copy does not keep the resource.
    {
      code: code('function f() {\n  const r = open();\n  console.log({ name: r.name });\n  return r.read();\n}'),
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: code('function f() {\n  using r = open();\n  console.log({ name: r.name });\n  return r.read();\n}') }],
        },
      ],
    },
    // A stack that is not moved still has to be disposed.
    {
      code: `${handing}export function f() {\n  const stack = new DisposableStack();\n  stack.use(open());\n}`,
      errors: [
        {
          messageId: 'notDisposed',
          line: 5,
          column: 17,
          suggestions: [{ messageId: 'useUsing', output: `${handing}export function f() {\n  using stack = new DisposableStack();\n  stack.use(open());\n}` }],
        },
      ],
    },
    // A function of the file's own that is called `require` is no CommonJS import.
    {
      code: code('function require(name) {\n  return name === \'r\' ? open() : open();\n}\nfunction f() {\n  const r = require(\'r\');\n  r.read();\n}'),
      filename: 'file.js',
      errors: [
        {
          messageId: 'notDisposed',
          line: 5,
          column: 13,
          suggestions: [
            {
              messageId: 'useTryFinally',
              output: code('function require(name) {\n  return name === \'r\' ? open() : open();\n}\nfunction f() {\n  const r = require(\'r\');\n  try {\n    r.read();\n  } finally {\n    r[Symbol.dispose]();\n  }\n}'),
            },
          ],
        },
      ],
    },
    // JavaScript that runs as written on a runtime without `using` (no `engines.node` >= 24): a `try`/`finally` form.
    {
      code: code('function f() {\n  const r = open();\n  r.read();\n  return r.name;\n}'),
      filename: 'file.js',
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [
            {
              messageId: 'useTryFinally',
              output: code('function f() {\n  const r = open();\n  try {\n    r.read();\n    return r.name;\n  } finally {\n    r[Symbol.dispose]();\n  }\n}'),
            },
          ],
        },
      ],
    },
    {
      code: code('async function f() {\n  const r = await openAsync();\n  r.read();\n}'),
      filename: 'file.js',
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 19,
          suggestions: [
            {
              messageId: 'useTryFinally',
              output: code('async function f() {\n  const r = await openAsync();\n  try {\n    r.read();\n  } finally {\n    await r[Symbol.asyncDispose]();\n  }\n}'),
            },
          ],
        },
      ],
    },
    {
      code: code('function f() {\n  const r = maybeOpen();\n  r?.read();\n}'),
      filename: 'file.js',
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [
            { messageId: 'useTryFinally', output: code('function f() {\n  const r = maybeOpen();\n  try {\n    r?.read();\n  } finally {\n    r?.[Symbol.dispose]();\n  }\n}') },
          ],
        },
      ],
    },
    // Moving the statements into a `try` would hide a later declaration from code before it: no suggestion.
    {
      code: code('function g() {\n  const peek = () => later;\n  const r = open();\n  r.read();\n  const later = 1;\n  return peek();\n}'),
      filename: 'file.js',
      errors: [{ messageId: 'notDisposed', line: 3, column: 13, suggestions: [] }],
    },
    {
      code: code('function f() {\n  const r = open();\n  const n = r.read();\n  return n;\n}'),
      filename: 'file.js',
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [
            { messageId: 'useTryFinally', output: code('function f() {\n  const r = open();\n  try {\n    const n = r.read();\n    return n;\n  } finally {\n    r[Symbol.dispose]();\n  }\n}') },
          ],
        },
      ],
    },
    // JavaScript and TSX files get the same checks.
    {
      code: 'import { Resource } from "./require-using/resources.js";\nnew Resource();',
      filename: 'file.js',
      errors: [{ messageId: 'discarded', line: 2, column: 1 }],
    },
    {
      code: code('export function View() {\n  const r = open();\n  return <div>{r.read()}</div>;\n}'),
      filename: 'file.tsx',
      errors: [
        {
          messageId: 'notDisposed',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'useUsing', output: code('export function View() {\n  using r = open();\n  return <div>{r.read()}</div>;\n}') }],
        },
      ],
    },
  ],
});

// The ❌ / ✅ examples of docs/rules/require-using.md, linted by the rule.
const examples = docExamples('require-using');
const [openFile = '', discardedLock = '', stack = ''] = examples.incorrect;
runRuleTests('require-using doc examples', rule, {
  valid: examples.correct,
  invalid: [
    {
      code: openFile,
      errors: [
        {
          messageId: 'notDisposed',
          suggestions: [{ messageId: 'useUsing', output: openFile.replace('const file = await open(path);', 'await using file = await open(path);') }],
        },
      ],
    },
    { code: discardedLock, errors: [{ messageId: 'discarded' }] },
    {
      code: stack,
      errors: [
        {
          messageId: 'notDisposed',
          suggestions: [{ messageId: 'useUsing', output: stack.replace('const cleanup = new DisposableStack();', 'using cleanup = new DisposableStack();') }],
        },
      ],
    },
  ],
});

describe('require-using doc examples', () => {
  it('has three ❌ and three ✅ blocks', () => {
    expect([examples.incorrect.length, examples.correct.length]).toEqual([3, 3]);
  });
});
