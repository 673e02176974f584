/**
 * The positional fuzzer's material: every snippet the rules react to (triggers), and every
 * kind of place in a file where a user can write one (positions). `fuzz.ts` places each trigger
 * at each position that takes it, in TypeScript, TSX, JavaScript module, CommonJS and script
 * files, and lints the lot with every rule and real types.
 *
 * Written once in TypeScript; the JavaScript variants are the same text with the types stripped
 * by TypeScript itself (`ts.transpileModule`, target ESNext, so the syntax stays as written).
 */

/** What a hole in a position takes: an expression, a list of statements, or class members. */
export type HoleKind = 'expression' | 'statements' | 'members';

export interface Trigger {
  name: string;
  kind: HoleKind;
  code: string;
  /** Only where `await` is allowed (async functions, module top level). */
  needsAwait?: boolean;
}

/** Languages a fuzz file is written in. */
export type Language = 'ts' | 'tsx' | 'js' | 'cjs' | 'script';

export interface Position {
  name: string;
  kind: HoleKind;
  /** The code around the hole, `$` marking it. */
  template: string;
  /** Where this position exists; every language when left out. */
  languages?: readonly Language[];
  /** The hole may hold `await`. */
  allowsAwait?: boolean;
}

const TYPESCRIPT_ONLY: readonly Language[] = ['ts', 'tsx'];
const JSX_ONLY: readonly Language[] = ['tsx'];
const MODULES: readonly Language[] = ['ts', 'tsx', 'js'];

/**
 * Declarations every fuzz file starts with, so that triggers have real types to meet: a
 * disposable resource and its factory, a function named like `fs.close`, a registry and a
 * registry subclass, a decorator, and a tree type.
 */
export const PREAMBLE = `const k = Math.random() > 0.5;
const maybe = k ? (f: () => unknown) => f() : undefined;
function close(fd: number): void { void fd; }
class Resource implements Disposable {
  read(): number { return 1; }
  [Symbol.dispose](): void {}
}
class AsyncResource implements AsyncDisposable {
  async [Symbol.asyncDispose](): Promise<void> {}
}
function open(path: string): Resource { void path; return new Resource(); }
function openAsync(path: string): Promise<AsyncResource> { void path; return Promise.resolve(new AsyncResource()); }
const reg = new FinalizationRegistry<number>((fd) => { close(fd); });
class SocketRegistry extends FinalizationRegistry<number> {
  constructor(cleanup: (fd: number) => void) { super(cleanup); }
}
function dec(...args: unknown[]): any { void args; return (target: unknown) => target; }
const kParent = Symbol('parent');
class TreeNode { parent: TreeNode | null = null; readonly children: TreeNode[] = []; }
`;

export const TRIGGERS: readonly Trigger[] = [
  // Registries: created with callbacks that throw, release, capture; registered and unregistered.
  { name: 'registry with a throwing, releasing callback', kind: 'expression', code: 'new FinalizationRegistry<number>((fd) => { close(fd); if (fd < 0) throw new Error(String(fd)); })' },
  { name: 'registry with an async callback', kind: 'expression', code: 'new FinalizationRegistry<number>(async (fd) => { await Promise.reject(new Error(String(fd))); })' },
  { name: 'registry subclass', kind: 'expression', code: 'new SocketRegistry((fd) => { close(fd); })' },
  { name: 'register this, held value holding this', kind: 'expression', code: 'reg.register(this, { self: this } as never, this)' },
  { name: 'unregister this', kind: 'expression', code: 'reg.unregister(this)' },
  { name: 'register a resource as held value', kind: 'expression', code: 'reg.register({}, open("held") as never)' },
  { name: 'callback capturing its target', kind: 'expression', code: 'new FinalizationRegistry<number>(() => void this).register(this, 0)' },
  { name: 'a bound callback', kind: 'expression', code: 'new FinalizationRegistry<number>(close.bind(this))' },
  // Disposables created and dropped or kept.
  { name: 'discarded disposable', kind: 'expression', code: 'open("discarded")' },
  { name: 'new disposable', kind: 'expression', code: 'new Resource()' },
  { name: 'disposable in an IIFE', kind: 'expression', code: '(() => { const local = open("iife"); return local.read(); })()' },
  { name: 'awaited async disposable', kind: 'expression', code: 'await openAsync("awaited")', needsAwait: true },
  // Plain `this`, alone and through an arrow.
  { name: 'this', kind: 'expression', code: 'this' },
  { name: 'arrow returning this', kind: 'expression', code: '(() => this)' },
  // Statements.
  { name: 'undisposed binding', kind: 'statements', code: 'const handle = open("a");\nhandle.read();' },
  { name: 'using declaration', kind: 'statements', code: 'using scoped = open("b");\nscoped.read();' },
  { name: 'await using declaration', kind: 'statements', code: 'await using later = await openAsync("c");\nvoid later;', needsAwait: true },
  { name: 'registry bound, then registered', kind: 'statements', code: 'const local = new FinalizationRegistry<number>((fd) => { close(fd); });\nlocal.register(new TreeNode(), 1);' },
  { name: 'parent and child classes', kind: 'statements', code: 'class Child { parent: Parent | null = null; }\nclass Parent { children: Child[] = []; }\nvoid Child;' },
  { name: 'registry subclass passing its own callback', kind: 'statements', code: 'class Sub extends SocketRegistry { constructor() { super((fd) => { close(fd); }); } }\nvoid Sub;' },
  { name: 'disposables drained by for-of', kind: 'statements', code: 'for (const each of [open("d")]) each.read();' },
  // Class members.
  { name: 'parent field beside children', kind: 'members', code: 'parent: Holder | null = null;\nchildren = new Set<Holder>();' },
  { name: 'symbol-keyed parent', kind: 'members', code: '[kParent]: Holder | null = null;\nitems: Holder[] = [];' },
  { name: 'parameter property parent', kind: 'members', code: 'constructor(public owner?: Holder) {}\nkids: Holder[] = [];' },
  { name: 'auto-accessor parent', kind: 'members', code: 'accessor container: Holder | undefined;\nentries = new Map<string, Holder>();' },
  { name: 'declare field', kind: 'members', code: 'declare host: Holder;\nslots: Holder[] = [];' },
  { name: 'static registry field', kind: 'members', code: 'static registry = new FinalizationRegistry<number>((fd) => { close(fd); });' },
  { name: 'private registry and register(this)', kind: 'members', code: '#reg = new FinalizationRegistry<number>(() => {});\nm(): void { this.#reg.register(this, 1); }' },
  { name: 'dispose that unregisters', kind: 'members', code: '[Symbol.dispose](): void { reg.unregister(this); }' },
];

export const POSITIONS: readonly Position[] = [
  // Module and script top level.
  { name: 'top-level expression statement', kind: 'expression', template: '$;', allowsAwait: true },
  { name: 'top-level const', kind: 'expression', template: 'const value = $;\nvoid value;', allowsAwait: true },
  { name: 'export default', kind: 'expression', template: 'export default $;', languages: MODULES },
  { name: 'exported const', kind: 'expression', template: 'export const exported = $;', languages: MODULES },
  { name: 'top-level statements', kind: 'statements', template: '$', allowsAwait: true },
  // Functions.
  { name: 'function return', kind: 'expression', template: 'function f() { return $; }\nvoid f;' },
  { name: 'async function await', kind: 'expression', template: 'async function f() { await $; }\nvoid f;', allowsAwait: true },
  { name: 'generator yield', kind: 'expression', template: 'function* g() { yield $; }\nvoid g;' },
  { name: 'arrow expression body', kind: 'expression', template: 'const a = () => $;\nvoid a;' },
  { name: 'async arrow expression body', kind: 'expression', template: 'const a = async () => $;\nvoid a;', allowsAwait: true },
  { name: 'function body', kind: 'statements', template: 'function f() {\n$\n}\nvoid f;' },
  { name: 'async function body', kind: 'statements', template: 'async function f() {\n$\n}\nvoid f;', allowsAwait: true },
  { name: 'arrow block body', kind: 'statements', template: 'const a = () => {\n$\n};\nvoid a;' },
  { name: 'IIFE', kind: 'statements', template: '(function () {\n$\n})();' },
  { name: 'default parameter', kind: 'expression', template: 'function f(p: unknown = $) { return p; }\nvoid f;' },
  { name: 'arrow default parameter', kind: 'expression', template: 'const a = (p: unknown = $) => p;\nvoid a;' },
  // Classes.
  { name: 'field initializer', kind: 'expression', template: 'class C { field = $; }\nvoid C;' },
  { name: 'static field initializer', kind: 'expression', template: 'class C { static field = $; }\nvoid C;' },
  { name: 'static block', kind: 'statements', template: 'class C {\n  static {\n$\n  }\n}\nvoid C;' },
  { name: 'constructor', kind: 'statements', template: 'class C {\n  constructor() {\n$\n  }\n}\nvoid C;' },
  { name: 'derived constructor after super', kind: 'statements', template: 'class Base {}\nclass C extends Base {\n  constructor() {\n    super();\n$\n  }\n}\nvoid C;' },
  { name: 'method', kind: 'statements', template: 'class C {\n  m() {\n$\n  }\n}\nvoid C;' },
  { name: 'async method', kind: 'statements', template: 'class C {\n  async m() {\n$\n  }\n}\nvoid C;', allowsAwait: true },
  { name: 'static method', kind: 'statements', template: 'class C {\n  static m() {\n$\n  }\n}\nvoid C;' },
  { name: 'private method', kind: 'statements', template: 'class C {\n  #m() {\n$\n  }\n  run() { this.#m(); }\n}\nvoid C;' },
  { name: 'getter', kind: 'expression', template: 'class C { get g() { return $; } }\nvoid C;' },
  { name: 'setter', kind: 'statements', template: 'class C {\n  set s(v: unknown) {\n    void v;\n$\n  }\n}\nvoid C;' },
  { name: 'method returning an arrow', kind: 'expression', template: 'class C { m() { return () => $; } }\nvoid C;' },
  { name: 'class expression method', kind: 'expression', template: 'const K = class { m() { return $; } };\nvoid K;' },
  { name: 'class in a function', kind: 'expression', template: 'function make() { return class { m() { return $; } }; }\nvoid make;' },
  { name: 'computed method key', kind: 'expression', template: 'class C { [String($)]() {} }\nvoid C;' },
  { name: 'computed field key', kind: 'expression', template: 'class C { [String($)] = 1; }\nvoid C;' },
  { name: 'extends clause', kind: 'expression', template: 'class C extends ($, Object) {}\nvoid C;' },
  { name: 'class decorator argument', kind: 'expression', template: '@dec($)\nclass C {}\nvoid C;' },
  { name: 'member decorator argument', kind: 'expression', template: 'class C {\n  @dec($) m() {}\n}\nvoid C;' },
  { name: 'field decorator argument', kind: 'expression', template: 'class C {\n  @dec($) field = 1;\n}\nvoid C;' },
  // Objects.
  { name: 'object method', kind: 'statements', template: 'const o = {\n  m() {\n$\n  },\n};\nvoid o;' },
  { name: 'object getter', kind: 'expression', template: 'const o = { get g() { return $; } };\nvoid o;' },
  { name: 'object property value', kind: 'expression', template: 'const o = { p: $ };\nvoid o;' },
  { name: 'object computed key', kind: 'expression', template: 'const o = { [String($)]: 1 };\nvoid o;' },
  { name: 'object arrow property', kind: 'expression', template: 'const o = { p: () => $ };\nvoid o;' },
  // Control flow.
  { name: 'switch case test', kind: 'expression', template: 'switch (k as unknown) {\n  case $:\n    break;\n}' },
  { name: 'switch case body', kind: 'statements', template: 'switch (k) {\n  case true:\n$\n    break;\n  default:\n}' },
  { name: 'switch case block', kind: 'statements', template: 'switch (k) {\n  case true: {\n$\n    break;\n  }\n}' },
  { name: 'labelled block', kind: 'statements', template: 'outer: {\n$\n  break outer;\n}' },
  { name: 'if branch', kind: 'statements', template: 'if (k) {\n$\n} else {\n  void 0;\n}' },
  { name: 'try block', kind: 'statements', template: 'try {\n$\n} catch (error) {\n  void error;\n}' },
  { name: 'catch block', kind: 'statements', template: 'try {\n  void 0;\n} catch {\n$\n}' },
  { name: 'finally block', kind: 'statements', template: 'try {\n  void 0;\n} finally {\n$\n}' },
  { name: 'for loop body', kind: 'statements', template: 'for (let i = 0; i < 1; i++) {\n$\n}' },
  { name: 'for-of head', kind: 'expression', template: 'for (const item of [$]) void item;' },
  { name: 'while loop', kind: 'statements', template: 'while (k) {\n$\n  break;\n}' },
  // Expressions around the trigger.
  { name: 'conditional branch', kind: 'expression', template: 'void (k ? $ : undefined);' },
  { name: 'logical operand', kind: 'expression', template: 'void (k && $);' },
  { name: 'sequence', kind: 'expression', template: 'void (0, $);' },
  { name: 'template literal', kind: 'expression', template: 'void `${String($)}`;' },
  { name: 'optional call argument', kind: 'expression', template: 'maybe?.(() => $);' },
  { name: 'as and non-null', kind: 'expression', template: 'void (($ as unknown)!);' },
  { name: 'angle-bracket assertion', kind: 'expression', template: 'void (<unknown>($));', languages: ['ts'] },
  { name: 'satisfies', kind: 'expression', template: 'void ($ satisfies unknown);', languages: TYPESCRIPT_ONLY },
  // TypeScript-only containers.
  { name: 'namespace body', kind: 'statements', template: 'namespace N {\n$\n}', languages: TYPESCRIPT_ONLY },
  { name: 'namespace function', kind: 'expression', template: 'namespace N { export function f() { return $; } }', languages: TYPESCRIPT_ONLY },
  { name: 'enum initializer', kind: 'expression', template: 'enum E { A = String($).length }\nvoid E;', languages: TYPESCRIPT_ONLY },
  // JSX.
  { name: 'JSX child', kind: 'expression', template: 'const element = <div>{String($)}</div>;\nvoid element;', languages: JSX_ONLY },
  { name: 'JSX attribute', kind: 'expression', template: 'const element = <div title={String($)} />;\nvoid element;', languages: JSX_ONLY },
  // Class bodies for member triggers.
  { name: 'class body', kind: 'members', template: 'class Holder {\n$\n}\nvoid Holder;' },
  { name: 'exported class body', kind: 'members', template: 'export class Holder {\n$\n}', languages: MODULES },
  { name: 'derived class body', kind: 'members', template: 'class Base {}\nclass Holder extends Base {\n$\n}\nvoid Holder;' },
  { name: 'abstract class body', kind: 'members', template: 'abstract class Holder {\n$\n}\nvoid Holder;', languages: TYPESCRIPT_ONLY },
  { name: 'decorated class body', kind: 'members', template: '@dec()\nclass Holder {\n$\n}\nvoid Holder;' },
  { name: 'class expression body', kind: 'members', template: 'const Holder = class Holder {\n$\n};\nvoid Holder;' },
  { name: 'class in a function body', kind: 'members', template: 'function make() {\n  class Holder {\n$\n  }\n  return Holder;\n}\nvoid make;' },
  { name: 'class in a namespace', kind: 'members', template: 'namespace N {\n  export class Holder {\n$\n  }\n}', languages: TYPESCRIPT_ONLY },
];

/** Whether a trigger may stand at a position in a language. */
export function fits(trigger: Trigger, position: Position, language: Language): boolean {
  if (trigger.kind !== position.kind) return false;
  if (position.languages !== undefined && !position.languages.includes(language)) return false;
  // `await` at the top level needs a module (not CommonJS, not a script).
  if (trigger.needsAwait === true && (position.allowsAwait !== true || ((language === 'cjs' || language === 'script') && position.name.startsWith('top-level')))) {
    return false;
  }
  return true;
}

/**
 * The code of one fuzz case (before any type stripping): the preamble, then the trigger in
 * place. Classic scripts share one global scope, so they leave the preamble out and find it in
 * one script of its own.
 */
export function fuzzSource(trigger: Trigger, position: Position, { preamble = true }: { preamble?: boolean } = {}): string {
  const indented = trigger.kind === 'expression' ? trigger.code : trigger.code.replace(/^/gm, '    ');
  return `${preamble ? `${PREAMBLE}\n` : ''}${position.template.replace('$', () => indented)}\n`;
}
