import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  getCallbackOfRegistry,
  getCleanupCallback,
  getRegistryCall,
  mayInvolveFinalizationRegistry,
} from '../src/finalization-registry.js';
import { runRuleTests } from './rule-tester.js';

/**
 * A probe rule that makes the discovery module's answers visible as reports:
 * `callback` at each cleanup function found for a construction, `call` at each register /
 * unregister call, `registryCallback` at the callback that a registry call's receiver resolves to.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      callback: 'Cleanup callback.',
      call: 'Registry call {{kind}}.',
      registryCallback: 'Callback of the registry called here.',
    },
    defaultOptions: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const reportCallback = (node: TSESTree.NewExpression | TSESTree.CallExpression): void => {
      const callback = getCleanupCallback(node, services);
      if (callback) context.report({ node: callback, messageId: 'callback' });
    };
    return {
      NewExpression: reportCallback,
      CallExpression(node): void {
        // `super(cb)` in a subclass, or a factory that returns a registry made with `cb`.
        reportCallback(node);
        if (node.callee.type === AST_NODE_TYPES.Super) return;
        const call = getRegistryCall(node, services);
        if (!call) return;
        context.report({ node, messageId: 'call', data: { kind: call.kind } });
        const callback = getCallbackOfRegistry(call.registry, services);
        if (callback) context.report({ node: callback, messageId: 'registryCallback' });
      },
    };
  },
});

describe('mayInvolveFinalizationRegistry', () => {
  it('accepts text that names the registry or calls register/unregister', () => {
    expect(mayInvolveFinalizationRegistry('new FinalizationRegistry(() => {})')).toBe(true);
    expect(mayInvolveFinalizationRegistry('shared.register(a, b)')).toBe(true);
    expect(mayInvolveFinalizationRegistry('shared.unregister (token)')).toBe(true);
    expect(mayInvolveFinalizationRegistry('cache?.register(a, b)')).toBe(true);
    expect(mayInvolveFinalizationRegistry('makeRegistry(cleanup)\n  .register(a, b)')).toBe(true);
  });
  it('rejects text that cannot involve a registry', () => {
    expect(mayInvolveFinalizationRegistry('const registry = new Map(); registry.set(a, b);')).toBe(false);
    expect(mayInvolveFinalizationRegistry('')).toBe(false);
    // A teardown function named unregister, and a function that registers something else.
    expect(mayInvolveFinalizationRegistry('const unregister = listen(cb); unregister();')).toBe(false);
    expect(mayInvolveFinalizationRegistry('register(plugin);')).toBe(false);
  });
});

runRuleTests('finalization-registry discovery', probe, {
  valid: [
    // A class of the same name with a body of its own (a polyfill, a test double) is not the host's.
    `class FinalizationRegistry<T> {
       constructor(readonly cleanup: (held: T) => void) {}
       register(target: object, held: T): void { void target; void held; }
     }
     new FinalizationRegistry<number>((held) => { void held; }).register({}, 1);`,
    // Not a registry: a class with methods of the same names.
    `class Fake { register(_a: object, _b: unknown): void {} }
     new Fake().register({}, 1);`,
    // A user class that happens to be called FinalizationRegistry is not the global one.
    `class FinalizationRegistry { constructor(_cb: () => void) {} register(): void {} }
     new FinalizationRegistry(() => {}).register();
     export {};`,
    // Callback imported from another module: not in this file, so not resolved.
    `import { sharedRegistry } from './finalizers/shared-registry.js';
     declare const cb: (held: number) => void;
     new FinalizationRegistry(cb);
     void sharedRegistry;`,
    // `let` binding may be reassigned before it is passed: not resolved.
    `let cb = (held: number): void => { void held; };
     cb = () => {};
     new FinalizationRegistry(cb);`,
    // A subclass whose constructor does not forward its argument as the callback.
    `import { OwnCallbackRegistry } from './finalizers/shared-registry.js';
     new OwnCallbackRegistry();`,
  ],
  invalid: [
    {
      // The host's registry re-exported by a wrapper module under its own name.
      code: `import { FinalizationRegistry } from './finalizers/registry-wrapper.js';
export const reg = FinalizationRegistry ? new FinalizationRegistry<number>((held) => { void held; }) : undefined;
reg?.register({}, 1);`,
      errors: [
        { messageId: 'callback', line: 2, column: 76 },
        { messageId: 'registryCallback', line: 2, column: 76 },
        { messageId: 'call', data: { kind: 'register' }, line: 3, column: 1 },
      ],
    },
    {
      // A factory that returns a registry only where the host has one.
      code: `function createRegistry<T>(callback: (held: T) => void): FinalizationRegistry<T> | null {
  return typeof FinalizationRegistry === 'undefined' ? null : new FinalizationRegistry(callback);
}
export const reg = createRegistry<number>((held) => { void held; });`,
      errors: [{ messageId: 'callback', line: 4, column: 43 }],
    },
    {
      // Glue written for an older lib redeclares the registry: untyped, still the host's.
      code: `declare var FinalizationRegistry: any;
const reg = new FinalizationRegistry((held: number) => { void held; });
reg.register({}, 1);`,
      errors: [
        { messageId: 'callback', line: 2, column: 38 },
        { messageId: 'registryCallback', line: 2, column: 38 },
        { messageId: 'call', data: { kind: 'register' }, line: 3, column: 1 },
      ],
    },
    {
      // A module-local interface and constructor type, the way some libraries declare it.
      code: `interface FinalizationRegistry<T> { register(target: object, held: T): void; unregister(token: object): boolean }
declare const FinalizationRegistry: new <T>(cleanup: (held: T) => void) => FinalizationRegistry<T>;
export const reg = new FinalizationRegistry<number>((held) => { void held; });
reg.unregister({});`,
      errors: [
        { messageId: 'callback', line: 3, column: 53 },
        { messageId: 'registryCallback', line: 3, column: 53 },
        { messageId: 'call', data: { kind: 'unregister' }, line: 4, column: 1 },
      ],
    },
    {
      // Feature detection through \`&&\`: the one construction is the registry.
      code: `declare const supported: boolean;
const reg = supported && new FinalizationRegistry<number>((held) => { void held; });
if (reg) reg.register({}, 1);`,
      errors: [
        { messageId: 'callback', line: 2, column: 59 },
        { messageId: 'registryCallback', line: 2, column: 59 },
        { messageId: 'call', data: { kind: 'register' }, line: 3, column: 10 },
      ],
    },
    {
      // An overloaded function means its implementation, the one body that runs (src/ast/resolve-function.ts).
      code: `function cb(held: number): void;
function cb(held: string): void;
function cb(held: unknown): void { void held; }
new FinalizationRegistry(cb);`,
      errors: [{ messageId: 'callback', line: 3, column: 1 }],
    },
    {
      code: `const reg = new FinalizationRegistry<number>((held) => { void held; });
reg.register({}, 1);
reg.unregister({});`,
      errors: [
        { messageId: 'callback', line: 1, column: 46 },
        { messageId: 'registryCallback', line: 1, column: 46 },
        { messageId: 'registryCallback', line: 1, column: 46 },
        { messageId: 'call', data: { kind: 'register' }, line: 2, column: 1 },
        { messageId: 'call', data: { kind: 'unregister' }, line: 3, column: 1 },
      ],
    },
    {
      // Function declaration, const function expression, alias of the constructor.
      code: `function onCollect(held: number): void { void held; }
const onGone = function (held: string): void { void held; };
const FR = FinalizationRegistry;
new FinalizationRegistry(onCollect);
new FR(onGone);`,
      errors: [
        { messageId: 'callback', line: 1, column: 1 },
        { messageId: 'callback', line: 2, column: 16 },
      ],
    },
    {
      // Method references: this.m, Foo.m, obj.m.bind(obj), arrow field.
      code: `class Owner {
  static sweep(held: number): void { void held; }
  static reg = new FinalizationRegistry(Owner.sweep);
  onGone(held: number): void { void held; }
  field = (held: number): void => { void held; };
  a = new FinalizationRegistry(this.onGone.bind(this));
  b = new FinalizationRegistry(this.field);
}`,
      errors: [
        { messageId: 'callback', line: 2, column: 15 },
        { messageId: 'callback', line: 4, column: 9 },
        { messageId: 'callback', line: 5, column: 11 },
      ],
    },
    {
      // Cross-module alias and subclasses constructed here.
      code: `import { ForwardingRegistry, PlainSubRegistry, RegistryAlias } from './finalizers/shared-registry.js';
new RegistryAlias<number>((held) => { void held; });
new ForwardingRegistry<number>((held) => { void held; });
new PlainSubRegistry<number>((held) => { void held; });`,
      errors: [
        { messageId: 'callback', line: 2, column: 27 },
        { messageId: 'callback', line: 3, column: 32 },
        { messageId: 'callback', line: 4, column: 30 },
      ],
    },
    {
      // Registry imported from another module: calls are found, the callback is not in this file.
      code: `import { sharedRegistry } from './finalizers/shared-registry.js';
sharedRegistry.register({}, { close() {} });`,
      errors: [{ messageId: 'call', data: { kind: 'register' }, line: 2, column: 1 }],
    },
    {
      // A subclass in this file: super(cb) counts, and this.register finds that callback.
      code: `class Pool extends FinalizationRegistry<number> {
  constructor() {
    super((held) => { void held; });
  }
  track(target: object): void {
    this.register(target, 1);
  }
}
const pool = new Pool();
pool.unregister({});`,
      errors: [
        { messageId: 'callback', line: 3, column: 11 },
        { messageId: 'registryCallback', line: 3, column: 11 },
        { messageId: 'registryCallback', line: 3, column: 11 },
        { messageId: 'call', data: { kind: 'register' }, line: 6, column: 5 },
        { messageId: 'call', data: { kind: 'unregister' }, line: 10, column: 1 },
      ],
    },
    {
      // Private and optional fields; static field through the class name.
      code: `class Owner {
  #reg = new FinalizationRegistry<number>(() => {});
  maybe?: FinalizationRegistry<number>;
  static shared = new FinalizationRegistry<number>(() => {});
  track(): void {
    this.#reg.register(this, 1);
    this.maybe?.register(this, 2);
    Owner.shared.register(this, 3);
  }
}`,
      errors: [
        { messageId: 'callback', line: 2, column: 43 },
        { messageId: 'registryCallback', line: 2, column: 43 },
        { messageId: 'callback', line: 4, column: 52 },
        { messageId: 'registryCallback', line: 4, column: 52 },
        { messageId: 'call', data: { kind: 'register' }, line: 6, column: 5 },
        { messageId: 'call', data: { kind: 'register' }, line: 7, column: 5 },
        { messageId: 'call', data: { kind: 'register' }, line: 8, column: 5 },
      ],
    },
    {
      // wasm-bindgen glue: a feature-detected registry with a no-op fallback object.
      filename: 'file.js',
      code: `const Finalization = typeof FinalizationRegistry === 'undefined'
  ? { register: () => {}, unregister: () => {} }
  : new FinalizationRegistry((ptr) => { void ptr; });
export class Thing {
  constructor() { this.ptr = 1; Finalization.register(this, this.ptr, this); }
  free() { Finalization.unregister(this); }
}`,
      errors: [
        { messageId: 'callback', line: 3, column: 30 },
        { messageId: 'registryCallback', line: 3, column: 30 },
        { messageId: 'registryCallback', line: 3, column: 30 },
        { messageId: 'call', data: { kind: 'register' }, line: 5, column: 33 },
        { messageId: 'call', data: { kind: 'unregister' }, line: 6, column: 12 },
      ],
    },
    {
      // JS file: registry assigned to this.registry in a constructor.
      filename: 'file.js',
      code: `export class Owner {
  constructor() {
    this.registry = new FinalizationRegistry((held) => { void held; });
    this.registry.register(this, 1);
  }
}`,
      errors: [
        { messageId: 'callback', line: 3, column: 46 },
        { messageId: 'registryCallback', line: 3, column: 46 },
        { messageId: 'call', data: { kind: 'register' }, line: 4, column: 5 },
      ],
    },
  ],
});
