// Ordinary code that once crashed a rule (a rule exception aborts the whole ESLint run). Each
// case goes through every rule with type information and must lint without an exception; the
// findings each case expects are listed too, so a case cannot pass by the rules going quiet
// everywhere.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { createTypedProject } from './helpers.js';

const project = createTypedProject(['module.ts', 'module-js.js', 'script.cjs', 'uses-helpers.ts', 'helpers.ts']);
writeFileSync(
  join(project.dir, 'helpers.ts'),
  'export function close(fd: number): void { void fd; }\nexport default function closeDefault(fd: number): void { void fd; }\n',
);
afterAll(() => {
  project.dispose();
});

const cases: { name: string; file: string; code: string; findings: string[] }[] = [
  {
    // An ancestor walk that stopped only at `undefined` met the `null` parent ESLint gives Program.
    name: 'unregister at module top level (prefer-using-over-finalizer)',
    file: 'module.ts',
    code: 'const reg = new FinalizationRegistry<string>(() => {});\nreg.unregister({});\n',
    findings: [],
  },
  {
    // Top-level `this` is `undefined` in an ES module: no target that could be kept alive.
    name: 'register(this, …) at module top level (no-finalizer-holding-target)',
    file: 'module-js.js',
    code: 'const reg = new FinalizationRegistry(() => {});\nreg.register(this, { self: this });\n',
    findings: [],
  },
  {
    name: '`this` as target and capture outside any class (no-finalizer-holding-target)',
    file: 'module.ts',
    code: 'new FinalizationRegistry(() => void this).register(this, 0);\n',
    findings: [],
  },
  {
    // The import of a local function named like `fs.close` was followed to a declaration whose
    // grandparent does not exist.
    name: 'an imported local `close` in a cleanup callback (prefer-using-over-finalizer)',
    file: 'uses-helpers.ts',
    code: "import { close } from './helpers.js';\nnew FinalizationRegistry((fd: number) => close(fd));\n",
    findings: ['no-throwing-finalizer 2:42'],
  },
  {
    name: 'a default import of a local function',
    file: 'uses-helpers.ts',
    code: "import close from './helpers.js';\nnew FinalizationRegistry((fd: number) => close(fd));\n",
    findings: ['no-throwing-finalizer 2:42'],
  },
  {
    // The alias resolves to a whole module, a source file without a parent.
    name: 'a namespace import called as a function',
    file: 'uses-helpers.ts',
    code: "import * as close from './helpers.js';\n// @ts-expect-error a module is not callable\nnew FinalizationRegistry((fd: number) => { close(fd); });\n",
    findings: ['no-throwing-finalizer 3:44'],
  },
  {
    // Half-typed code: the search for the class around `super(...)` ran off the top.
    name: '`super(...)` outside a class, in a file without registry text',
    file: 'module-js.js',
    code: 'class Sub extends SocketRegistry {}\nfunction f() { super(() => {}); }\n',
    findings: [],
  },
  {
    // In CommonJS, top-level `this` is `module.exports`, here the registry itself.
    name: '`this.register` at CommonJS top level',
    file: 'script.cjs',
    code: 'module.exports = new FinalizationRegistry(() => {});\nconst f2 = () => this.register({}, 1);\n',
    findings: [],
  },
];

describe('code that once crashed a rule', () => {
  it.each(cases)('$name', async ({ file, code, findings }) => {
    const result = await project.lint(code, file);
    const fatal = result.messages.filter((message) => message.ruleId === null);
    // Half-typed snippets may have parse errors; none of these do.
    expect(fatal).toEqual([]);
    expect(result.messages.map((message) => `${String(message.ruleId).replace('lifetime/', '')} ${String(message.line)}:${String(message.column)}`)).toEqual(findings);
  });
});
