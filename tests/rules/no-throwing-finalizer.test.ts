import { readFileSync } from 'node:fs';

import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';


import rule, { type MessageIds, type Options } from '../../rules/no-throwing-finalizer.js';
import { runRuleTests } from '../rule-tester.js';


/** The ```ts block under a heading of the rule's doc, so the documented examples stay true. */
function docExample(heading: string): string {
  const doc = readFileSync(new URL('../../docs/rules/no-throwing-finalizer.md', import.meta.url), 'utf8');
  const start = doc.indexOf(`### ${heading}`);
  const match = /```ts\n([\s\S]*?)```/.exec(doc.slice(start));
  if (start < 0 || !match?.[1]) throw new Error(`no example under "${heading}"`);
  return match[1];
}

const CATCH = '// Empty on purpose: an error that escapes a cleanup callback is an uncaught exception, which ends a Node process.';

// Three helpers, each calling the next, the last one throwing: the cases on `maxDepth` share it.
const HELPER_LEVELS = `
function level3(id: number): void {
  if (id < 0) throw new RangeError('negative id');
}
function level2(id: number): void {
  level3(id);
}
function level1(id: number): void {
  level2(id);
}
`;
const HELPER_CHAIN = `${HELPER_LEVELS}new FinalizationRegistry<number>((id) => {
  level1(id);
});
`;
const HELPER_CHAIN_WRAPPED = `${HELPER_LEVELS}new FinalizationRegistry<number>((id) => {
  try {
    level1(id);
  } catch {
    ${CATCH}
  }
});
`;
const REJECTION = '// Empty on purpose: a rejection that escapes a cleanup callback is unhandled, which ends a Node process.';

const exoticCode = `
declare const anyValue: any;
declare const fnOrUndefined: (() => void) | undefined;
new FinalizationRegistry<string>((key) => {
  label: for (const ch of key) {
    if (ch === '-') break label;
  }
  const Local = class {
    static created = new Date();
  };
  const value = { key, Local } satisfies { key: string; Local: unknown };
  anyValue?.deep?.();
  fnOrUndefined?.();
  console.log((key as string).length, value, typeof anyValue.x);
  void import('./finalizers/throwing-registries.js');
});
`;
const exoticFixed = `
declare const anyValue: any;
declare const fnOrUndefined: (() => void) | undefined;
new FinalizationRegistry<string>((key) => {
  try {
    label: for (const ch of key) {
      if (ch === '-') break label;
    }
    const Local = class {
      static created = new Date();
    };
    const value = { key, Local } satisfies { key: string; Local: unknown };
    anyValue?.deep?.();
    fnOrUndefined?.();
    console.log((key as string).length, value, typeof anyValue.x);
    void import('./finalizers/throwing-registries.js');
  } catch {
    ${CATCH}
  }
});
`;

const incorrectExample = docExample('❌ Incorrect');
/** The incorrect doc example with one callback body replaced by what the suggestion should make of it. */
function incorrectExampleWith(body: string, wrapped: string): string {
  if (!incorrectExample.includes(body)) throw new Error(`the doc example no longer contains ${body}`);
  return incorrectExample.replace(body, () => wrapped);
}

runRuleTests<MessageIds, Options>('no-throwing-finalizer', rule, {
  valid: [
    {
      filename: 'file.js',
      code: `
// Untyped glue: \`held\` and \`stream\` are \`any\`, so nothing says whether these calls throw.
const registry = new FinalizationRegistry((held) => {
  held.stream.cancel('collected').catch(() => {});
  held.controller.abort();
  held.ref.deref();
});
export { registry };
`,
      name: 'calls on untyped values in JavaScript are not reported by default',
    },
    {
      code: `
declare const listeners: Map<string, Set<() => void>>;
declare const target: EventTarget;
declare const signal: AbortSignal;
declare const onAbort: () => void;
new FinalizationRegistry<{ key: string; refs: WeakRef<object>[] }>((held) => {
  listeners.get(held.key)?.clear();
  listeners.delete(held.key);
  const alive = held.refs.filter((ref) => ref.deref() !== undefined);
  alive.push(...held.refs.slice(0, 1));
  held.refs.forEach((ref) => console.log(ref.deref()));
  target.removeEventListener('gone', onAbort);
  signal.removeEventListener('abort', onAbort);
});
`,
      name: 'collections, WeakRef#deref and removing listeners cannot throw',
    },
    {
      code: `
import { Worker } from 'node:worker_threads';
import { EventEmitter } from 'node:events';
declare const bus: EventEmitter;
new FinalizationRegistry<{ worker: Worker; onMessage: () => void }>((held) => {
  bus.off('message', held.onMessage);
  void held.worker.terminate();
  held.worker.terminate();
});
`,
      name: "Node's EventEmitter#off and the promise of Worker#terminate, which does not reject",
    },
    // Handled promises inside a swallowing try.
    `
declare function saveAsync(key: string): Promise<void>;
new FinalizationRegistry<string>((key) => {
  try {
    saveAsync(key).catch(() => {});
    void saveAsync(key).then(undefined, () => {});
  } catch {
    // ignored
  }
});
`,
    { code: docExample('✅ Correct'), name: 'the correct example of the docs' },
    // The default `allow` list: Map#delete and console.*.
    `
const cache = new Map<string, WeakRef<object>>();
const registry = new FinalizationRegistry<string>((key) => {
  cache.delete(key);
  console.log(key);
});
`,
    // Map#set and Set#add are in the defaults: bookkeeping of live counts cannot throw.
    `
const live = new Map<string, number>();
const seen = new Set<string>();
new FinalizationRegistry<string>((kind) => {
  live.set(kind, (live.get(kind) ?? 1) - 1);
  seen.add(kind);
});
`,
    // Promise#catch/finally are in the defaults: they never throw, and the optional chain guards
    // the missing entry.
    `
const pending = new Map<string, Promise<void>>();
new FinalizationRegistry<string>((key) => {
  pending
    .get(key)
    ?.catch(() => {})
    .finally(() => {});
  pending.delete(key);
});
`,
    // A catch that swallows makes the try block safe.
    `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    release(id);
  } catch {
    // ignored on purpose
  }
});
`,
    // A catch that only logs does not rethrow.
    `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    release(id);
  } catch (error) {
    console.error(error);
  }
});
`,
    // The callback is a parameter: unresolvable, so nothing is guessed.
    `
export function track(cleanup: (id: number) => void): FinalizationRegistry<number> {
  return new FinalizationRegistry(cleanup);
}
`,
    // Known limit of the shared text pre-filter: a file that mentions neither
    // \`FinalizationRegistry\` nor \`register(\` is skipped, even when it constructs an imported
    // subclass. Pinned here so that a change of the pre-filter is noticed.
    `
import { ForwardRegistry } from './finalizers/throwing-registries.js';
export const registry = new ForwardRegistry<string>((key) => {
  throw new Error(key);
});
`,
    // The callback lives in another module; its own file is where it gets checked.
    `
import { release } from './finalizers/throwing-registries.js';
export const registry = new FinalizationRegistry<number>(release);
`,
    // A \`let\` binding may be reassigned before the registry calls it: not followed.
    `
let onCollect = (id: number): void => {
  throw new Error(String(id));
};
export const registry = new FinalizationRegistry<number>(onCollect);
onCollect = () => {};
`,
    // Not a registry, even though the file mentions one.
    `
class Scheduler {
  constructor(readonly run: () => void) {}
}
new Scheduler(() => {
  throw new Error('not a finalizer');
});
export type Unused = FinalizationRegistry<string>;
`,
    // A file that never mentions a registry is skipped.
    `
export function fail(message: string): never {
  throw new Error(message);
}
`,
    // A same-file helper that cannot throw is followed and found safe.
    `
const live = new Set<string>();
function forget(key: string): void {
  live.delete(key);
  console.debug('collected', key);
}
new FinalizationRegistry<string>((key) => forget(key));
`,
    // Calling a generator runs none of its body.
    `
function* keysOf(prefix: string): Generator<string> {
  throw new Error(prefix);
}
new FinalizationRegistry<string>((key) => {
  keysOf(key);
});
`,
    // Recursion through a helper terminates.
    `
function countdown(n: number): void {
  if (n > 0) countdown(n - 1);
  console.log(n);
}
new FinalizationRegistry<number>((n) => {
  countdown(n);
});
`,
    // Optional chaining and narrowing guard nullable values.
    `
declare let current: { session: { id: string } } | undefined;
new FinalizationRegistry<string>((key) => {
  console.log(current?.session.id, key);
  if (current !== undefined) console.log(current.session.id);
});
`,
    // A nested function does not run where it is written.
    `
const pending = new Map<string, () => void>();
new FinalizationRegistry<string>((key) => {
  const fail = (): never => {
    throw new Error(key);
  };
  pending.delete(key);
  void fail;
});
`,
    {
      code: `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  release(id);
});
`,
      options: [{ allow: ['release'] }],
      name: 'allow with a plain name',
    },
    {
      code: `
declare class Pool {
  free(id: number): void;
}
declare const pool: Pool;
new FinalizationRegistry<number>((id) => {
  pool.free(id);
});
`,
      options: [{ allow: ['Pool#free'] }],
      name: 'allow with Type#method',
    },
    // An async callback whose body cannot throw never rejects.
    `
new FinalizationRegistry<string>(async (key) => {
  console.log(key);
});
`,
    {
      filename: 'file.js',
      code: `
const registry = new FinalizationRegistry((key) => {
  console.log(key);
});
export { registry };
`,
      name: 'a JavaScript file with a safe callback',
    },
    // A registry subclass from another module with a safe callback.
    `
import { ForwardRegistry } from './finalizers/throwing-registries.js';
export const registry = new ForwardRegistry<string>((key) => console.log(key));
`,
  ],
  invalid: [
    {
      code: `
declare function saveAsync(key: string): Promise<void>;
new FinalizationRegistry<string>((key) => {
  try {
    void saveAsync(key);
  } catch {
    // ignored
  }
});
`,
      errors: [
        {
          messageId: 'floatingPromise',
          data: { name: 'saveAsync' },
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 24,
          suggestions: [{ messageId: 'addCatchHandler', output: `
declare function saveAsync(key: string): Promise<void>;
new FinalizationRegistry<string>((key) => {
  try {
    void saveAsync(key).catch(() => {
      ${REJECTION}
    });
  } catch {
    // ignored
  }
});
` }],
        },
      ],
      name: 'a floating promise is not caught by try/catch',
    },
    {
      code: `
declare function saveAsync(key: string): Promise<void>;
export const registry = new FinalizationRegistry<string>((key) => saveAsync(key));
`,
      errors: [
        {
          messageId: 'floatingPromise',
          data: { name: 'saveAsync' },
          line: 3,
          column: 67,
          endLine: 3,
          endColumn: 81,
          suggestions: [{ messageId: 'addCatchHandler', output: `
declare function saveAsync(key: string): Promise<void>;
export const registry = new FinalizationRegistry<string>((key) => saveAsync(key).catch(() => {
  ${REJECTION}
}));
` }],
        },
      ],
      name: 'a promise returned to the registry is dropped',
    },
    {
      code: `
declare function saveAsync(key: string): Promise<void>;
function persist(key: string): void {
  void saveAsync(key);
}
new FinalizationRegistry<string>((key) => {
  try {
    persist(key);
  } catch {
    // ignored
  }
});
`,
      errors: [
        {
          messageId: 'helperCall',
          data: { name: 'persist', inner: "a promise from `saveAsync` on line 4 that nothing awaits or handles" },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 17,
          suggestions: [],
        },
      ],
      name: 'a helper that leaves a promise floating is reported even inside try/catch, without the try/catch suggestion',
    },
    {
      filename: 'file.js',
      code: `
// An untyped callback taken from the held value runs code somebody else registered.
export const registry = new FinalizationRegistry((value) => {
  const callback = value.callback;
  if (typeof callback === 'function') callback(value.param);
});
`,
      errors: [{ messageId: 'unsafeCall', data: { name: 'callback' }, line: 5, column: 39, suggestions: [{ messageId: 'wrapInTryCatch', output: `
// An untyped callback taken from the held value runs code somebody else registered.
export const registry = new FinalizationRegistry((value) => {
  try {
    const callback = value.callback;
    if (typeof callback === 'function') callback(value.param);
  } catch {
    ${CATCH}
  }
});
` }] }],
      name: 'an untyped function handed in through the held value is still reported',
    },
    {
      code: `
// A library that declares the registry it may not have, under a class name of its own.
export declare class RegistryType<T> {
  constructor(finalize: (value: T) => void);
  register(target: object, value: T, token?: object): void;
  unregister(token: object): void;
}
declare const FinalizationRegistry: typeof RegistryType | undefined;
export class Reactions<T> {
  private onCollected = (entry: { value: T; token: object }): void => {
    this.native?.unregister(entry.token);
    this.finalize(entry.value);
  };
  private native = FinalizationRegistry ? new FinalizationRegistry(this.onCollected) : undefined;
  constructor(private readonly finalize: (value: T) => void) {}
}
`,
      errors: [{ messageId: 'unsafeCall', data: { name: 'this.finalize' }, line: 12, column: 5, suggestions: [{ messageId: 'wrapInTryCatch', output: `
// A library that declares the registry it may not have, under a class name of its own.
export declare class RegistryType<T> {
  constructor(finalize: (value: T) => void);
  register(target: object, value: T, token?: object): void;
  unregister(token: object): void;
}
declare const FinalizationRegistry: typeof RegistryType | undefined;
export class Reactions<T> {
  private onCollected = (entry: { value: T; token: object }): void => {
    try {
      this.native?.unregister(entry.token);
      this.finalize(entry.value);
    } catch {
      ${CATCH}
    }
  };
  private native = FinalizationRegistry ? new FinalizationRegistry(this.onCollected) : undefined;
  constructor(private readonly finalize: (value: T) => void) {}
}
` }] }],
      name: 'a redeclared constructor of another class name, an arrow field callback; unregister is safe',
    },
    {
      code: `
import { closeSync } from 'node:fs';
function newFinalizer<T>(handler: (held: T) => void): FinalizationRegistry<T> {
  return new FinalizationRegistry(handler);
}
export const files = newFinalizer<number>((fd) => {
  closeSync(fd);
});
`,
      errors: [{ messageId: 'unsafeCall', data: { name: 'closeSync' }, line: 7, column: 3, suggestions: [{ messageId: 'wrapInTryCatch', output: `
import { closeSync } from 'node:fs';
function newFinalizer<T>(handler: (held: T) => void): FinalizationRegistry<T> {
  return new FinalizationRegistry(handler);
}
export const files = newFinalizer<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    ${CATCH}
  }
});
` }] }],
      name: 'a callback handed to a factory that builds the registry with it',
    },
    {
      code: `
declare const entries: Map<string, { close(): void } | undefined>;
new FinalizationRegistry<string[]>((keys) => {
  keys.forEach((key) => {
    entries.get(key)!.close();
  });
});
`,
      errors: [
        { messageId: 'nonNullAssertion', data: { name: 'entries.get(…)' }, line: 5, column: 5, suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare const entries: Map<string, { close(): void } | undefined>;
new FinalizationRegistry<string[]>((keys) => {
  try {
    keys.forEach((key) => {
      entries.get(key)!.close();
    });
  } catch {
    ${CATCH}
  }
});
` }] },
        { messageId: 'unsafeCall', data: { name: 'entries.get(…)!.close' }, line: 5, column: 5, suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare const entries: Map<string, { close(): void } | undefined>;
new FinalizationRegistry<string[]>((keys) => {
  try {
    keys.forEach((key) => {
      entries.get(key)!.close();
    });
  } catch {
    ${CATCH}
  }
});
` }] },
      ],
      name: 'the callback of forEach runs inside the cleanup callback and is checked',
    },
    {
      filename: 'file.js',
      code: `
const registry = new FinalizationRegistry((held) => {
  held.close();
});
export { registry };
`,
      options: [{ checkUntypedCalls: true }],
      errors: [{ messageId: 'unsafeCall', data: { name: 'held.close' }, line: 3, column: 3, suggestions: [{ messageId: 'wrapInTryCatch', output: `
const registry = new FinalizationRegistry((held) => {
  try {
    held.close();
  } catch {
    ${CATCH}
  }
});
export { registry };
` }] }],
      name: 'checkUntypedCalls reports calls on untyped values',
    },
    {
      code: `
declare var FinalizationRegistry: any;
export const registry = new FinalizationRegistry((held: { close(): void }) => {
  held.close();
});
`,
      errors: [{ messageId: 'unsafeCall', data: { name: 'held.close' }, line: 4, column: 3, suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare var FinalizationRegistry: any;
export const registry = new FinalizationRegistry((held: { close(): void }) => {
  try {
    held.close();
  } catch {
    ${CATCH}
  }
});
` }] }],
      name: 'a registry redeclared as any by older glue is still a registry',
    },
    {
      code: exoticCode,
      // `anyValue?.deep?.()` is a call on `any`: not reported unless `checkUntypedCalls` is on.
      errors: [
        {
          messageId: 'unsafeCall',
          data: { name: 'fnOrUndefined' },
          line: 13,
          column: 3,
          endLine: 13,
          endColumn: 20,
          suggestions: [{ messageId: 'wrapInTryCatch', output: exoticFixed }],
        },
        {
          messageId: 'floatingPromise',
          data: { name: 'import' },
          line: 15,
          column: 8,
          endLine: 15,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'addCatchHandler',
              output: exoticCode.replace(
                "  void import('./finalizers/throwing-registries.js');",
                () => `  void import('./finalizers/throwing-registries.js').catch(() => {\n    ${REJECTION}\n  });`,
              ),
            },
          ],
        },
      ],
      name: 'unusual syntax inside a callback: labels, class expressions, satisfies, optional calls, dynamic import',
    },
    {
      code: `
declare function sql(strings: TemplateStringsArray, ...values: unknown[]): string;
new FinalizationRegistry<string>((key) => {
  console.log(sql\`DELETE FROM cache WHERE key = \${key}\`);
});
`,
      errors: [
        {
          messageId: 'unsafeCall',
          data: { name: 'sql' },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `
declare function sql(strings: TemplateStringsArray, ...values: unknown[]): string;
new FinalizationRegistry<string>((key) => {
  try {
    console.log(sql\`DELETE FROM cache WHERE key = \${key}\`);
  } catch {
    ${CATCH}
  }
});
`,
            },
          ],
        },
      ],
      name: 'a tagged template is a call',
    },
    {
      code: incorrectExample,
      errors: [
        {
          messageId: 'unsafeCall',
          data: { name: 'closeSync' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: incorrectExampleWith(
                '  closeSync(fd); // may throw: EBADF, EIO, ...\n',
                `  try {\n    closeSync(fd); // may throw: EBADF, EIO, ...\n  } catch {\n    ${CATCH}\n  }\n`,
              ),
            },
          ],
        },
        {
          messageId: 'throwStatement',
          line: 10,
          column: 24,
          endLine: 10,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: incorrectExampleWith(
                '  if (!cache.has(key)) throw new Error(`unknown key ${key}`);\n',
                `  try {\n    if (!cache.has(key)) throw new Error(\`unknown key \${key}\`);\n  } catch {\n    ${CATCH}\n  }\n`,
              ),
            },
          ],
        },
        {
          messageId: 'nonNullAssertion',
          data: { name: 'names.get(…)' },
          line: 15,
          column: 15,
          endLine: 15,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: incorrectExampleWith(
                '  console.log(names.get(key)!.first); // TypeError when the key is missing\n',
                `  try {\n    console.log(names.get(key)!.first); // TypeError when the key is missing\n  } catch {\n    ${CATCH}\n  }\n`,
              ),
            },
          ],
        },
        ...(['asyncCallback', 'awaitExpression', 'unsafeCall'] as const).map((messageId) => ({
          messageId,
          ...{
            asyncCallback: { line: 18, column: 34, endLine: 18, endColumn: 49 },
            awaitExpression: { data: { name: 'flush(…)' }, line: 19, column: 3, endLine: 19, endColumn: 19 },
            unsafeCall: { data: { name: 'flush' }, line: 19, column: 9, endLine: 19, endColumn: 19 },
          }[messageId],
          suggestions: [
            {
              messageId: 'wrapInTryCatch' as const,
              output: incorrectExampleWith(
                '  await flush(key); // a rejection here is unhandled\n',
                `  try {\n    await flush(key); // a rejection here is unhandled\n  } catch {\n    ${CATCH}\n  }\n`,
              ),
            },
          ],
        })),
        {
          messageId: 'helperCall',
          data: { name: 'drop', inner: 'a `throw` on line 23' },
          line: 25,
          column: 42,
          endLine: 25,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: incorrectExampleWith(
                '(id) => drop(id));',
                `(id) => {\n  try {\n    drop(id);\n  } catch {\n    ${CATCH}\n  }\n});`,
              ),
            },
          ],
        },
      ],
      name: 'the incorrect example of the docs',
    },
    {
      code: `
const registry = new FinalizationRegistry<string>((key) => {
  throw new Error(key);
});
`,
      errors: [
        {
          messageId: 'throwStatement', line: 3, column: 3, endLine: 3, endColumn: 24,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
const registry = new FinalizationRegistry<string>((key) => {
  try {
    throw new Error(key);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'throw statement',
    },
    {
      code: `
import { release } from './finalizers/throwing-registries.js';
export const registry = new FinalizationRegistry<number>((id) => release(id));
`,
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'release' }, line: 3, column: 66, endLine: 3, endColumn: 77,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
import { release } from './finalizers/throwing-registries.js';
export const registry = new FinalizationRegistry<number>((id) => {
  try {
    release(id);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'call of a function from another module, expression body',
    },
    {
      code: `
export const registry = new FinalizationRegistry<string>((key) => ({ key, at: Date.now() }));
`,
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'Date.now' }, line: 2, column: 79, endLine: 2, endColumn: 89,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
export const registry = new FinalizationRegistry<string>((key) => {
  try {
    ({ key, at: Date.now() });
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'object literal body keeps its parentheses',
    },
    {
      code: `
new FinalizationRegistry<string>((href) => {
  console.log(new URL(href).host);
});
`,
      errors: [
        {
          messageId: 'unsafeNew', data: { name: 'URL' }, line: 3, column: 15, endLine: 3, endColumn: 28,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
new FinalizationRegistry<string>((href) => {
  try {
    console.log(new URL(href).host);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'new expression',
    },
    {
      filename: 'file.js',
      code: `
const registry = new FinalizationRegistry(
  /** @param {{ name: string } | undefined} entry */
  (entry) => {
    console.log(entry.name);
  },
);
export { registry };
`,
      errors: [
        {
          messageId: 'nullableAccess', data: { name: 'entry' }, line: 5, column: 17, endLine: 5, endColumn: 27,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
const registry = new FinalizationRegistry(
  /** @param {{ name: string } | undefined} entry */
  (entry) => {
    try {
      console.log(entry.name);
    } catch {
      ${CATCH}
    }
  },
);
export { registry };
` }],
        },
      ],
      name: 'property access on a nullable JSDoc-typed value',
    },
    {
      filename: 'file.js',
      code: `
/** @type {string[] | undefined} */
let names;
new FinalizationRegistry((/** @type {number} */ index) => {
  console.log(names[index]);
});
`,
      errors: [
        {
          messageId: 'nullableAccess', data: { name: 'names' }, line: 5, column: 15, endLine: 5, endColumn: 27,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
/** @type {string[] | undefined} */
let names;
new FinalizationRegistry((/** @type {number} */ index) => {
  try {
    console.log(names[index]);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'element access on a nullable value',
    },
    {
      filename: 'file.js',
      code: `
/** @type {((key: string) => void) | undefined} */
let onGone;
/** @type {{ forget(key: string): void } | null} */
let index = null;
new FinalizationRegistry((/** @type {string} */ key) => {
  onGone(key);
  index.forget(key);
});
`,
      errors: [
        {
          messageId: 'nullableCall', data: { name: 'onGone' }, line: 7, column: 3, endLine: 7, endColumn: 14,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
/** @type {((key: string) => void) | undefined} */
let onGone;
/** @type {{ forget(key: string): void } | null} */
let index = null;
new FinalizationRegistry((/** @type {string} */ key) => {
  try {
    onGone(key);
    index.forget(key);
  } catch {
    ${CATCH}
  }
});
` }],
        },
        {
          messageId: 'nullableAccess', data: { name: 'index' }, line: 8, column: 3, endLine: 8, endColumn: 15,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
/** @type {((key: string) => void) | undefined} */
let onGone;
/** @type {{ forget(key: string): void } | null} */
let index = null;
new FinalizationRegistry((/** @type {string} */ key) => {
  try {
    onGone(key);
    index.forget(key);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'nullable callee, and a method call on a nullable object reported once',
    },
    {
      code: `
const names = new Map<string, { first: string }>();
new FinalizationRegistry<string>((key) => {
  console.log(names.get(key)!.first);
});
`,
      errors: [
        {
          messageId: 'nonNullAssertion', data: { name: 'names.get(…)' }, line: 4, column: 15, endLine: 4, endColumn: 30,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
const names = new Map<string, { first: string }>();
new FinalizationRegistry<string>((key) => {
  try {
    console.log(names.get(key)!.first);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'non-null assertion',
    },
    {
      code: `
declare function flush(key: string): Promise<void>;
new FinalizationRegistry<string>(async (key) => {
  await flush(key);
});
`,
      errors: [
        {
          messageId: 'asyncCallback', line: 3, column: 34, endLine: 3, endColumn: 49,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function flush(key: string): Promise<void>;
new FinalizationRegistry<string>(async (key) => {
  try {
    await flush(key);
  } catch {
    ${CATCH}
  }
});
` }],
        },
        {
          messageId: 'awaitExpression', data: { name: 'flush(…)' }, line: 4, column: 3, endLine: 4, endColumn: 19,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function flush(key: string): Promise<void>;
new FinalizationRegistry<string>(async (key) => {
  try {
    await flush(key);
  } catch {
    ${CATCH}
  }
});
` }],
        },
        {
          messageId: 'unsafeCall', data: { name: 'flush' }, line: 4, column: 9, endLine: 4, endColumn: 19,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function flush(key: string): Promise<void>;
new FinalizationRegistry<string>(async (key) => {
  try {
    await flush(key);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'async callback with await',
    },
    {
      code: `
declare const chunks: AsyncIterable<string>;
new FinalizationRegistry<string>(async () => {
  for await (const chunk of chunks) console.log(chunk);
});
`,
      errors: [
        {
          messageId: 'asyncCallback', line: 3, column: 34, endLine: 3, endColumn: 46,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare const chunks: AsyncIterable<string>;
new FinalizationRegistry<string>(async () => {
  try {
    for await (const chunk of chunks) console.log(chunk);
  } catch {
    ${CATCH}
  }
});
` }],
        },
        {
          messageId: 'awaitExpression', data: { name: 'chunks' }, line: 4, column: 3, endLine: 4, endColumn: 56,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare const chunks: AsyncIterable<string>;
new FinalizationRegistry<string>(async () => {
  try {
    for await (const chunk of chunks) console.log(chunk);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'for await in an async callback',
    },
    {
      code: `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    release(id);
  } catch (error) {
    console.error(error);
    throw error;
  }
});
`,
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'release' }, line: 5, column: 5, endLine: 5, endColumn: 16,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    try {
      release(id);
    } catch (error) {
      console.error(error);
      throw error;
    }
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'a catch that rethrows does not protect the try block',
    },
    {
      code: `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    release(id);
  } catch (error) {
    throw new Error('release failed', { cause: error });
  }
});
`,
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'release' }, line: 5, column: 5, endLine: 5, endColumn: 16,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    try {
      release(id);
    } catch (error) {
      throw new Error('release failed', { cause: error });
    }
  } catch {
    ${CATCH}
  }
});
` }],
        },
        {
          messageId: 'throwStatement', line: 7, column: 5, endLine: 7, endColumn: 57,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    try {
      release(id);
    } catch (error) {
      throw new Error('release failed', { cause: error });
    }
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'a catch that throws a new error',
    },
    {
      code: `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    release(id);
  } finally {
    console.log('done');
  }
});
`,
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'release' }, line: 5, column: 5, endLine: 5, endColumn: 16,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    try {
      release(id);
    } finally {
      console.log('done');
    }
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'try with only finally',
    },
    {
      code: `
function drop(id: number): void {
  if (id < 0) throw new RangeError('negative id');
}
new FinalizationRegistry<number>((id) => {
  drop(id);
});
`,
      errors: [
        {
          messageId: 'helperCall', data: { name: 'drop', inner: `a \`throw\` on line 3` }, line: 6, column: 3, endLine: 6, endColumn: 11,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
function drop(id: number): void {
  if (id < 0) throw new RangeError('negative id');
}
new FinalizationRegistry<number>((id) => {
  try {
    drop(id);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'same-file helper that throws',
    },
    {
      code: HELPER_CHAIN,
      errors: [
        {
          messageId: 'helperCall', data: { name: 'level1', inner: `a call of \`level2\` on line 9, which can throw` }, line: 12, column: 3, endLine: 12, endColumn: 13,
          suggestions: [{ messageId: 'wrapInTryCatch', output: HELPER_CHAIN_WRAPPED }],
        },
      ],
      name: 'helpers followed three levels deep by default',
    },
    {
      code: HELPER_CHAIN,
      options: [{ maxDepth: 1 }],
      errors: [
        {
          messageId: 'helperCall', data: { name: 'level1', inner: `a call of \`level2\` on line 9` }, line: 12, column: 3, endLine: 12, endColumn: 13,
          suggestions: [{ messageId: 'wrapInTryCatch', output: HELPER_CHAIN_WRAPPED }],
        },
      ],
      name: 'maxDepth 1 stops at the first helper',
    },
    {
      code: HELPER_CHAIN,
      options: [{ maxDepth: 0 }],
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'level1' }, line: 12, column: 3, endLine: 12, endColumn: 13,
          suggestions: [{ messageId: 'wrapInTryCatch', output: HELPER_CHAIN_WRAPPED }],
        },
      ],
      name: 'maxDepth 0 follows no helper',
    },
    {
      code: `
class Cache {
  readonly #entries = new Map<string, string>();
  readonly registry = new FinalizationRegistry<string>((key) => {
    this.evict(key);
  });
  evict(key: string): void {
    if (!this.#entries.has(key)) throw new Error(\`unknown \${key}\`);
    this.#entries.delete(key);
  }
}
`,
      errors: [
        {
          messageId: 'helperCall', data: { name: 'this.evict', inner: `a \`throw\` on line 8` }, line: 5, column: 5, endLine: 5, endColumn: 20,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
class Cache {
  readonly #entries = new Map<string, string>();
  readonly registry = new FinalizationRegistry<string>((key) => {
    try {
      this.evict(key);
    } catch {
      ${CATCH}
    }
  });
  evict(key: string): void {
    if (!this.#entries.has(key)) throw new Error(\`unknown \${key}\`);
    this.#entries.delete(key);
  }
}
` }],
        },
      ],
      name: 'method of the same class called through this',
    },
    {
      code: `
declare function closeHandle(fd: number): void;
class Files {
  readonly registry = new FinalizationRegistry<number>(this.onCollect.bind(this));
  onCollect(fd: number): void {
    closeHandle(fd);
  }
}
`,
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'closeHandle' }, line: 6, column: 5, endLine: 6, endColumn: 20,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function closeHandle(fd: number): void;
class Files {
  readonly registry = new FinalizationRegistry<number>(this.onCollect.bind(this));
  onCollect(fd: number): void {
    try {
      closeHandle(fd);
    } catch {
      ${CATCH}
    }
  }
}
` }],
        },
      ],
      name: 'bound method reference',
    },
    {
      code: `
declare function closeHandle(fd: number): void;
class Files {
  static onCollect(fd: number): void {
    closeHandle(fd);
  }
}
export const registry = new FinalizationRegistry<number>(Files.onCollect);
`,
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'closeHandle' }, line: 5, column: 5, endLine: 5, endColumn: 20,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function closeHandle(fd: number): void;
class Files {
  static onCollect(fd: number): void {
    try {
      closeHandle(fd);
    } catch {
      ${CATCH}
    }
  }
}
export const registry = new FinalizationRegistry<number>(Files.onCollect);
` }],
        },
      ],
      name: 'static method reference',
    },
    {
      code: `
function onCollect(token: { id: number } | null): void {
  console.log(token!.id);
}
export const registry = new FinalizationRegistry(onCollect);
`,
      errors: [
        {
          messageId: 'nonNullAssertion', data: { name: 'token' }, line: 3, column: 15, endLine: 3, endColumn: 21,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
function onCollect(token: { id: number } | null): void {
  try {
    console.log(token!.id);
  } catch {
    ${CATCH}
  }
}
export const registry = new FinalizationRegistry(onCollect);
` }],
        },
      ],
      name: 'function declaration passed by name',
    },
    {
      code: `
const onCollect = function (key: string): void {
  throw new Error(key);
};
export const registry = new FinalizationRegistry<string>(onCollect);
`,
      errors: [
        {
          messageId: 'throwStatement', line: 3, column: 3, endLine: 3, endColumn: 24,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
const onCollect = function (key: string): void {
  try {
    throw new Error(key);
  } catch {
    ${CATCH}
  }
};
export const registry = new FinalizationRegistry<string>(onCollect);
` }],
        },
      ],
      name: 'const function expression passed by name',
    },
    {
      code: `
import { LifetimeRegistry } from './finalizers/throwing-registries.js';
declare function release(id: number): void;
export const registry: FinalizationRegistry<number> = new LifetimeRegistry<number>((id) => {
  release(id);
});
`,
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'release' }, line: 5, column: 3, endLine: 5, endColumn: 14,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
import { LifetimeRegistry } from './finalizers/throwing-registries.js';
declare function release(id: number): void;
export const registry: FinalizationRegistry<number> = new LifetimeRegistry<number>((id) => {
  try {
    release(id);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'alias of the constructor imported from another module',
    },
    {
      code: `
import { ForwardRegistry } from './finalizers/throwing-registries.js';
const registry = new ForwardRegistry<string>((key) => {
  throw new Error(key);
});
export function track(value: object, key: string): void {
  registry.register(value, key);
}
`,
      errors: [
        {
          messageId: 'throwStatement', line: 4, column: 3, endLine: 4, endColumn: 24,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
import { ForwardRegistry } from './finalizers/throwing-registries.js';
const registry = new ForwardRegistry<string>((key) => {
  try {
    throw new Error(key);
  } catch {
    ${CATCH}
  }
});
export function track(value: object, key: string): void {
  registry.register(value, key);
}
` }],
        },
      ],
      name: 'subclass imported from another module',
    },
    {
      code: `
declare function unlinkSync(path: string): void;
export class TempFiles extends FinalizationRegistry<string> {
  constructor() {
    super((path) => {
      unlinkSync(path);
    });
  }
}
`,
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'unlinkSync' }, line: 6, column: 7, endLine: 6, endColumn: 23,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function unlinkSync(path: string): void;
export class TempFiles extends FinalizationRegistry<string> {
  constructor() {
    super((path) => {
      try {
        unlinkSync(path);
      } catch {
        ${CATCH}
      }
    });
  }
}
` }],
        },
      ],
      name: 'subclass passing its own callback to super',
    },
    {
      code: `
const onCollect = (key: string): void => {
  throw new Error(key);
};
export const first = new FinalizationRegistry<string>(onCollect);
export const second = new FinalizationRegistry<string>(onCollect);
`,
      errors: [
        {
          messageId: 'throwStatement', line: 3, column: 3, endLine: 3, endColumn: 24,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
const onCollect = (key: string): void => {
  try {
    throw new Error(key);
  } catch {
    ${CATCH}
  }
};
export const first = new FinalizationRegistry<string>(onCollect);
export const second = new FinalizationRegistry<string>(onCollect);
` }],
        },
      ],
      name: 'a callback shared by two registries is reported once',
    },
    {
      code: `
new FinalizationRegistry<string>((key) => {
  console.log(key);
});
`,
      options: [{ allow: [] }],
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'console.log' }, line: 3, column: 3, endLine: 3, endColumn: 19,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
new FinalizationRegistry<string>((key) => {
  try {
    console.log(key);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'an empty allow list replaces the defaults',
    },
    {
      code: `
declare class Pool {
  free(id: number): void;
  stats(): string;
}
declare const pool: Pool;
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  pool.free(id);
  console.log(pool.stats());
  release(id);
});
`,
      options: [{ allow: ['Pool#*', 'console.*'] }],
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'release' }, line: 11, column: 3, endLine: 11, endColumn: 14,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare class Pool {
  free(id: number): void;
  stats(): string;
}
declare const pool: Pool;
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    pool.free(id);
    console.log(pool.stats());
    release(id);
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'allow with Type#* and a dotted path',
    },
    {
      filename: 'file.mts',
      code: `
export const registry = new FinalizationRegistry<string>((key) => {
  if (key === '') throw new TypeError('empty key');
});
`,
      errors: [
        {
          messageId: 'throwStatement', line: 3, column: 19, endLine: 3, endColumn: 52,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
export const registry = new FinalizationRegistry<string>((key) => {
  try {
    if (key === '') throw new TypeError('empty key');
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'module file (.mts)',
    },
    {
      code: `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    release(id);
  } catch {
    release(-id);
  }
});
`,
      errors: [
        {
          messageId: 'unsafeCall', data: { name: 'release' }, line: 7, column: 5, endLine: 7, endColumn: 17,
          suggestions: [{ messageId: 'wrapInTryCatch', output: `
declare function release(id: number): void;
new FinalizationRegistry<number>((id) => {
  try {
    try {
      release(id);
    } catch {
      release(-id);
    }
  } catch {
    ${CATCH}
  }
});
` }],
        },
      ],
      name: 'code in a swallowing catch is still checked',
    },
  ],
});

describe('no-throwing-finalizer options schema', () => {
  function lintWith(options: unknown): () => void {
    const linter = new Linter({ configType: 'flat' });
    const plugin = { rules: { 'no-throwing-finalizer': rule as unknown as Rule.RuleModule } };
    return () => {
      linter.verify('export {};', {
        plugins: { lifetime: plugin },
        rules: { 'lifetime/no-throwing-finalizer': ['error', options] },
      });
    };
  }

  it.each([
    { allow: 'console.*' },
    { allow: [42] },
    { allow: ['Map#'] },
    { allow: ['#delete'] },
    { allow: ['console.*.log'] },
    { allow: ['a b'] },
    { allow: ['clearTimeout', 'clearTimeout'] },
    { maxDepth: -1 },
    { maxDepth: 1.5 },
    { maxDepth: 11 },
    { unknownOption: true },
  ])('rejects %j', (options) => {
    expect(lintWith(options)).toThrow(/Key "lifetime\/no-throwing-finalizer":\s+(?:Value|Unexpected)/);
  });

  it.each([{}, { allow: [] }, { allow: ['release', 'console.*', 'fs.promises.rm', 'Map#delete', 'Pool#*'], maxDepth: 0 }])(
    'accepts %j (and then asks for type information)',
    (options) => {
      // Past schema validation the rule runs and needs typed linting, which this bare Linter lacks.
      expect(lintWith(options)).toThrow(/type information/);
    },
  );
});
