import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../rules/no-finalizer-holding-target.js';
import { runRuleTests } from '../rule-tester.js';

describe('no-finalizer-holding-target options schema', () => {
  const verify = (code: string, ...options: unknown[]): void => {
    new Linter().verify(code, [
      { plugins: { lifetime: { rules: { rule } } }, rules: { 'lifetime/rule': ['error', ...options] } },
    ] as unknown as Linter.Config[]);
  };
  it('takes no options', () => {
    expect(() => {
      verify('reg.register(a, b);', { checkTokens: true });
    }).toThrow(/Key "lifetime\/rule"/);
    // Valid (empty) options get as far as asking for type information.
    expect(() => {
      verify('reg.register(a, b);');
    }).toThrow(/needs type information/);
  });
  it('returns before asking for type information in files without registry text', () => {
    expect(() => {
      verify('export const answer = 42;');
    }).not.toThrow();
  });
});

runRuleTests('no-finalizer-holding-target', rule, {
  valid: [
    // An id as held value.
    `const reg = new FinalizationRegistry<number>(() => {});
     const obj = { id: 1 };
     reg.register(obj, obj.id);`,
    // A WeakRef to the target is weak.
    `const reg = new FinalizationRegistry<{ ref: WeakRef<object> }>(() => {});
     const obj = {};
     reg.register(obj, { ref: new WeakRef(obj) });`,
    // The unregister token may be the target: tokens are held weakly.
    `const reg = new FinalizationRegistry<string>(() => {});
     const obj = {};
     reg.register(obj, 'label', obj);`,
    // A different object with a property of the same name as the target variable.
    `const reg = new FinalizationRegistry<object>(() => {});
     const target = {};
     const other = { target: 1 };
     reg.register(target, { value: other.target });`,
    // A shadowing variable inside a held closure is not the target.
    `const reg = new FinalizationRegistry<() => void>((f) => f());
     const target = {};
     reg.register(target, () => { const target = 2; console.log(target); });`,
    // A method reference does not close over \`this\`: its \`this\` is the call's receiver.
    `class Owner {
       static reg = new FinalizationRegistry<() => void>((f) => f());
       onGone(): void { console.log(this); }
       constructor() { Owner.reg.register(this, this.onGone); }
     }`,
    // Callback uses only its held value.
    `const reg = new FinalizationRegistry<string>((key) => { console.log(key); });
     class Owner { constructor() { reg.register(this, 'owner'); } }`,
    // A static registry's arrow callback captures the class, not the instances registered.
    `class Owner {
       static reg = new FinalizationRegistry<string>((key) => { console.log(this.name, key); });
       constructor() { Owner.reg.register(this, 'owner'); }
     }`,
    // Not a registry.
    `class Reg { register(_a: object, _b: unknown): void {} }
     const obj = {};
     new Reg().register(obj, obj);`,
    // Unresolvable callback: imported registry with a callback elsewhere, held is fine.
    `import { idRegistry } from './finalizers/holding.js';
     const node = { id: 3 };
     idRegistry.register(node, node.id);`,
    // A different \`this\`: the held arrow is defined in another class.
    `const reg = new FinalizationRegistry<() => void>((f) => f());
     class A { make(): () => void { return () => console.log(this); } }
     class B { constructor(a: A) { reg.register(this, a.make()); } }`,
    // Odd shapes must not crash: spread arguments, a computed target, too few arguments.
    `declare const reg: FinalizationRegistry<unknown>;
     declare function makeTarget(): object;
     const o = {};
     reg.register(...([o, o] as const));
     reg.register(makeTarget(), makeTarget());
     // @ts-expect-error held value missing
     reg.register(o);`,
    // JS file with a good registration.
    {
      filename: 'file.js',
      code: `const reg = new FinalizationRegistry(() => {});
export function track(/** @type {{ id: number }} */ obj) { reg.register(obj, obj.id); }`,
    },
  ],
  invalid: [
    {
      code: `const reg = new FinalizationRegistry<object>(() => {});
const obj = {};
reg.register(obj, obj);`,
      errors: [{ messageId: 'heldIsTarget', data: { name: 'obj' }, line: 3, column: 19 }],
    },
    {
      // this as both target and held value, in a class method.
      code: `const reg = new FinalizationRegistry<object>(() => {});
class Owner { track(): void { reg.register(this, this); } }`,
      errors: [{ messageId: 'heldIsTarget', data: { name: 'this' }, line: 2, column: 50 }],
    },
    {
      // Member path as target.
      code: `const reg = new FinalizationRegistry<object>(() => {});
class Owner { child = {}; track(): void { reg.register(this.child, this.child as object); } }`,
      errors: [{ messageId: 'heldIsTarget', data: { name: 'this.child' }, line: 2, column: 68 }],
    },
    {
      code: `const reg = new FinalizationRegistry<object>(() => {});
const obj = {};
reg.register(obj, { obj });
reg.register(obj, { nested: { deep: [obj] } });
reg.register(obj, [1, ...[obj]]);`,
      errors: [
        { messageId: 'heldContainsTarget', line: 3, column: 19 },
        { messageId: 'heldContainsTarget', line: 4, column: 19 },
        { messageId: 'heldContainsTarget', line: 5, column: 19 },
      ],
    },
    {
      // Conditional and logical picks may hold the target.
      code: `const reg = new FinalizationRegistry<object>(() => {});
declare const flag: boolean;
declare const fallback: object | undefined;
const obj = {};
reg.register(obj, flag ? obj : {});
reg.register(obj, fallback ?? obj);`,
      errors: [
        { messageId: 'heldContainsTarget', line: 5, column: 19 },
        { messageId: 'heldContainsTarget', line: 6, column: 19 },
      ],
    },
    {
      // this inside an object literal held by a class's own registration.
      code: `const reg = new FinalizationRegistry<object>(() => {});
class Owner { constructor() { reg.register(this, { owner: this, id: 1 }); } }`,
      errors: [{ messageId: 'heldContainsTarget', data: { name: 'this' }, line: 2, column: 50 }],
    },
    {
      // A held arrow that closes over the target.
      code: `const reg = new FinalizationRegistry<() => void>((f) => f());
const obj = { name: 'x' };
reg.register(obj, () => console.log(obj.name));`,
      errors: [{ messageId: 'heldClosesOverTarget', data: { name: 'obj' }, line: 3, column: 19 }],
    },
    {
      // A held const arrow and a function declaration that reference the target.
      code: `const reg = new FinalizationRegistry<() => void>((f) => f());
const obj = { name: 'x' };
const report = (): void => console.log(obj);
function describe(): string { return obj.name; }
reg.register(obj, report);
reg.register(obj, describe);`,
      errors: [
        { messageId: 'heldClosesOverTarget', line: 5, column: 19 },
        { messageId: 'heldClosesOverTarget', line: 6, column: 19 },
      ],
    },
    {
      // An arrow class field closes over the instance.
      code: `const reg = new FinalizationRegistry<() => void>((f) => f());
class Owner {
  onGone = (): void => { console.log(this); };
  constructor() { reg.register(this, this.onGone); }
}`,
      errors: [{ messageId: 'heldClosesOverTarget', data: { name: 'this' }, line: 4, column: 38 }],
    },
    {
      // An inline arrow using this.
      code: `const reg = new FinalizationRegistry<() => void>((f) => f());
class Owner {
  id = 1;
  constructor() { reg.register(this, () => console.log(this.id)); }
}`,
      errors: [{ messageId: 'heldClosesOverTarget', data: { name: 'this' }, line: 4, column: 38 }],
    },
    {
      // Bound to the target, as receiver or as argument.
      code: `const reg = new FinalizationRegistry<() => void>((f) => f());
function log(this: unknown, x?: unknown): void { console.log(this, x); }
const obj = {};
reg.register(obj, log.bind(obj));
reg.register(obj, log.bind(null, obj));`,
      errors: [
        { messageId: 'heldBoundToTarget', data: { name: 'obj' }, line: 4, column: 28 },
        { messageId: 'heldBoundToTarget', data: { name: 'obj' }, line: 5, column: 34 },
      ],
    },
    {
      // Method bound to the instance.
      code: `const reg = new FinalizationRegistry<() => void>((f) => f());
class Owner {
  onGone(): void {}
  constructor() { reg.register(this, this.onGone.bind(this)); }
}`,
      errors: [{ messageId: 'heldBoundToTarget', data: { name: 'this' }, line: 4, column: 55 }],
    },
    {
      // Cleanup callback capturing a module-level target.
      code: `const cache = { size: 0 };
const reg = new FinalizationRegistry<string>((key) => { console.log(key, cache.size); });
reg.register(cache, 'cache');`,
      errors: [{ messageId: 'callbackCapturesTarget', data: { name: 'cache' }, line: 2, column: 74 }],
    },
    {
      // Arrow callback in an instance field captures this; register(this) in the constructor.
      code: `class Conn {
  #registry = new FinalizationRegistry<string>((key) => { this.log(key); });
  log(key: string): void { console.log(key); }
  constructor() { this.#registry.register(this, 'conn'); }
}`,
      errors: [{ messageId: 'callbackCapturesTarget', data: { name: 'this' }, line: 2, column: 59 }],
    },
    {
      // Callback bound to the instance that registers itself.
      code: `class Conn {
  onCollect(key: string): void { console.log(key); }
  registry = new FinalizationRegistry<string>(this.onCollect.bind(this));
  track(): void { this.registry.register(this, 'conn'); }
}`,
      errors: [{ messageId: 'callbackCapturesTarget', data: { name: 'this' }, line: 3, column: 67 }],
    },
    {
      // Subclass registry: this.register(target) where the super callback captures it.
      code: `const tracked = { id: 1 };
class Tracker extends FinalizationRegistry<number> {
  constructor() {
    super((id) => { console.log(id, tracked.id); });
  }
  start(): void { this.register(tracked, tracked.id); }
}`,
      errors: [{ messageId: 'callbackCapturesTarget', data: { name: 'tracked' }, line: 4, column: 37 }],
    },
    {
      // Several registrations of the same captured target are reported once.
      code: `const obj = {};
const reg = new FinalizationRegistry<number>(() => { console.log(obj); });
reg.register(obj, 1);
reg.register(obj, 2);`,
      errors: [{ messageId: 'callbackCapturesTarget', data: { name: 'obj' }, line: 2, column: 66 }],
    },
    {
      // Cross-module registry: the held value check still applies.
      code: `import { idRegistry } from './finalizers/holding.js';
import type { Node } from './finalizers/holding.js';
declare const node: Node;
idRegistry.register(node, { parent: node });`,
      errors: [{ messageId: 'heldContainsTarget', data: { name: 'node' }, line: 4, column: 27 }],
    },
    {
      // Cross-module subclass instance and an alias.
      code: `import { TokenRegistry } from './finalizers/holding.js';
import { RegistryAlias } from './finalizers/shared-registry.js';
const tokens = new TokenRegistry();
const alias = new RegistryAlias<unknown>(() => {});
const obj = {};
tokens.register(obj, obj);
alias.register(obj, [obj]);`,
      errors: [
        { messageId: 'heldIsTarget', line: 6, column: 22 },
        { messageId: 'heldContainsTarget', line: 7, column: 21 },
      ],
    },
    {
      // Type assertions and non-null do not hide the target; optional registry.
      code: `class Owner {
  reg?: FinalizationRegistry<unknown>;
  track(): void { this.reg?.register(this, (this as Owner)); }
}`,
      errors: [{ messageId: 'heldIsTarget', data: { name: 'this' }, line: 3, column: 45 }],
    },
    {
      // Optional call of register.
      code: `declare const reg: FinalizationRegistry<unknown> | undefined;
const obj = {};
reg?.register?.(obj, obj);`,
      errors: [{ messageId: 'heldIsTarget', data: { name: 'obj' }, line: 3, column: 22 }],
    },
    {
      // JS file: held object literal that contains the target.
      filename: 'file.js',
      code: `const reg = new FinalizationRegistry(() => {});
export function track(/** @type {object} */ obj) { reg.register(obj, { obj }); }`,
      errors: [{ messageId: 'heldContainsTarget', line: 2, column: 70 }],
    },
  ],
});
