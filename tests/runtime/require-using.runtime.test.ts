import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import { ESLint, type Linter } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

/**
 * What this file shows: the `using` / `await using` form that require-using suggests releases
 * the resource when its scope ends — on return and on throw, before control is back with the
 * caller and before any garbage collection — once TypeScript has compiled it for Node 20, while
 * the `const` form it replaces never releases it.
 *
 * The programs are fixture files (tests/fixtures/require-using/runtime-*.ts, typed by the
 * fixtures project). Each is linted with the real rule through ESLint's `ESLint` class; the
 * rule's own `useUsing` suggestion is applied to get the `using` form, so the code that runs is
 * what the rule would write. Both forms are compiled with `ts.transpileModule` (ES2022, which
 * lowers `using` to TypeScript's `__addDisposableResource` / `__disposeResources` helpers) and
 * run in child Node processes.
 *
 * For plain JavaScript that runs as written on this Node (no `using` syntax), the rule offers a
 * `try`/`finally` form instead; the last block runs that form unchanged and shows that it
 * disposes at scope exit while a connection handed back by a receiver-returning method stays
 * open for the caller.
 *
 * Runtime support, as found by running Node 20.20.2 (V8 11.3) here: `using` is a syntax error,
 * while `Symbol.dispose` and `Symbol.asyncDispose` exist as Node's own symbols
 * (`Symbol.for('nodejs.dispose')`, `Symbol.for('nodejs.asyncDispose')`), which Node's changelog
 * dates to 18.18 and 20.4; FileHandle has `[Symbol.asyncDispose]` since then too. Native `using`
 * needs a V8 that ships explicit resource management (13.x and later; no such Node here to run).
 * TypeScript's helpers do not fall back to `Symbol.for(...)`: without `Symbol.dispose` they throw
 * "Symbol.dispose is not defined", so each child first loads a small polyfill that defines the
 * symbols only where Node lacks them (the class's computed `[Symbol.dispose]` key and the helpers
 * then read the same symbol).
 */

const fixturesDir = fileURLToPath(new URL('../fixtures', import.meta.url));
const fixture = (name: string): string => join(fixturesDir, 'require-using', name);
const RULE_ID = 'lifetime/require-using';
/** A `using` or `await using` declaration in source or emitted code. */
const usingDeclaration = /\busing\s+[\w$]+\s*=/;

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'require-using-runtime-'));

const polyfill = join(dir, 'dispose-polyfill.mjs');
writeFileSync(
  polyfill,
  `for (const [name, key] of [['dispose', 'nodejs.dispose'], ['asyncDispose', 'nodejs.asyncDispose']]) {
  if (typeof Symbol[name] !== 'symbol') {
    Object.defineProperty(Symbol, name, { value: Symbol.for(key), writable: false, enumerable: false, configurable: false });
    (globalThis.polyfilledSymbols ??= []).push(name);
  }
}
`,
);

/** What a child reports about its runtime next to its results. */
interface RuntimeInfo {
  node: string;
  typeofDispose: string;
  typeofAsyncDispose: string;
  disposeKey: string | null;
  polyfilled: string[];
  nativeUsingSyntax: boolean;
}

// Runs after each driver: facts about the runtime, printed with the results.
const runtimeProbe = `
let nativeUsingSyntax = true;
try { new Function('{ using x = null; }'); } catch { nativeUsingSyntax = false; }
const runtime = {
  node: process.version,
  typeofDispose: typeof Symbol.dispose,
  typeofAsyncDispose: typeof Symbol.asyncDispose,
  disposeKey: Symbol.keyFor(Symbol.dispose) ?? null,
  polyfilled: globalThis.polyfilledSymbols ?? [],
  nativeUsingSyntax,
};
`;

let eslint: ESLint;
beforeAll(() => {
  // The JavaScript fixture is outside the fixtures project's include; the default project (the
  // same tsconfig) types it. One project service serves both blocks.
  const parserOptions = { projectService: { allowDefaultProject: ['require-using/*.js'], defaultProject: 'tsconfig.json' }, tsconfigRootDir: fixturesDir };
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions,
      },
      plugins: { lifetime: plugin as unknown as ESLint.Plugin },
      rules: { [RULE_ID]: 'error' },
    },
    {
      files: ['**/*.js'],
      languageOptions: { parser: tseslint.parser, parserOptions },
      plugins: { lifetime: plugin as unknown as ESLint.Plugin },
      rules: { [RULE_ID]: 'error' },
    },
  ];
  eslint = new ESLint({ cwd: fixturesDir, overrideConfigFile: true, overrideConfig: config });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** 1-based line of the only line of `source` that contains `text`. */
function lineOf(source: string, text: string): number {
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  expect(index, `"${text}" in the fixture`).toBeGreaterThanOrEqual(0);
  expect(lines.filter((line) => line.includes(text))).toHaveLength(1);
  return index + 1;
}

/**
 * Lints the fixture, expects exactly one `notDisposed` finding at the line of `declaration` with
 * exactly one suggestion, `messageId` (`useUsing` unless told), and returns the fixture text with that suggestion applied.
 */
async function lintAndApplySuggestion(file: string, declaration: string, messageId = 'useUsing'): Promise<{ original: string; suggested: string }> {
  const original = readFileSync(file, 'utf8');
  const [result] = await eslint.lintFiles([file]);
  expect(result?.filePath).toBe(file);
  const messages = result?.messages ?? [];
  expect(messages.map((message) => ({ ruleId: message.ruleId, messageId: message.messageId, line: message.line }))).toEqual([
    { ruleId: RULE_ID, messageId: 'notDisposed', line: lineOf(original, declaration) },
  ]);
  const suggestions = messages[0]?.suggestions ?? [];
  expect(suggestions.map((suggestion) => suggestion.messageId)).toEqual([messageId]);
  const fix = suggestions[0]?.fix;
  if (fix === undefined) throw new Error('the finding has no suggestion to apply');
  const suggested = original.slice(0, fix.range[0]) + fix.text + original.slice(fix.range[1]);
  return { original, suggested };
}

/** The rule has nothing left to say about the suggested form. */
async function expectCleanAfterSuggestion(file: string, suggested: string): Promise<void> {
  const [result] = await eslint.lintText(suggested, { filePath: file });
  expect(result?.messages).toEqual([]);
}

/** TypeScript's emit for a Node 20 project that does not have native `using`. */
function compile(source: string): string {
  const output = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: true,
  });
  expect(output.diagnostics ?? []).toEqual([]);
  return output.outputText;
}

/**
 * Runs `driver` (importing `compiled` as ./module.mjs), then the runtime probe, then `report`
 * (which prints one JSON line, `runtime` included) in a child Node; returns what it printed.
 */
async function runChild(name: string, compiled: string, driver: string, report: string): Promise<unknown> {
  const childDir = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(childDir, 'module.mjs'), compiled);
  writeFileSync(join(childDir, 'driver.mjs'), driver + runtimeProbe + report);
  const { stdout, stderr } = await run(process.execPath, ['--expose-gc', '--import', pathToFileURL(polyfill).href, join(childDir, 'driver.mjs')], {
    cwd: childDir,
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(stderr).toBe('');
  return JSON.parse(stdout) as unknown;
}

function expectRuntime(runtime: RuntimeInfo): void {
  // The helpers need both symbols; after the polyfill they exist on every Node.
  expect(runtime.typeofDispose).toBe('symbol');
  expect(runtime.typeofAsyncDispose).toBe('symbol');
  expect(runtime.node).toBe(process.version);
}

describe('a user class implementing Disposable, created with const in a function', () => {
  const file = fixture('runtime-class.ts');
  // Calls the fixture's function once normally and once so that it throws, and reports the
  // event log. A collection at the end shows that garbage collection does not dispose either.
  const driver = `
import { events, runQuery } from './module.mjs';
const answer = runQuery('a', false);
events.push('returned a');
try {
  runQuery('b', true);
  events.push('returned b');
} catch (error) {
  events.push('caught ' + error.message);
}
globalThis.gc?.();
await new Promise((resolve) => setTimeout(resolve, 10));
`;
  const report = `console.log(JSON.stringify({ answer, events, runtime }));\n`;
  let original = '';
  let suggested = '';

  beforeAll(async () => {
    ({ original, suggested } = await lintAndApplySuggestion(file, 'const connection = new Connection(name);'));
  });

  it('is reported once, and the suggestion declares the connection with `using`', async () => {
    expect(suggested).toBe(original.replace('const connection = new Connection(name);', 'using connection = new Connection(name);'));
    await expectCleanAfterSuggestion(file, suggested);
  });

  it('disposes at scope exit with `using`: before returning to the caller, and when the body throws', async () => {
    expect(suggested).toMatch(usingDeclaration);
    const compiled = compile(suggested);
    // Lowered by TypeScript: Node 20 would reject the keyword.
    expect(compiled).not.toMatch(usingDeclaration);
    expect(compiled).toContain('__addDisposableResource');
    expect(compiled).toContain('__disposeResources');
    const outcome = (await runChild('class-using', compiled, driver, report)) as { answer: string; events: string[]; runtime: RuntimeInfo };
    expectRuntime(outcome.runtime);
    // e.g. {"node":"v20.20.2","typeofDispose":"symbol","disposeKey":"nodejs.dispose","polyfilled":[],"nativeUsingSyntax":false,…}
    console.info(`require-using runtime child: ${JSON.stringify(outcome.runtime)}`);
    expect(outcome.answer).toBe('a: select 1');
    expect(outcome.events).toEqual([
      'open a',
      'queried a',
      'dispose a',
      'returned a',
      'open b',
      'queried b',
      'dispose b',
      'caught query on b failed',
    ]);
  });

  it('never disposes with the original `const`, not even after a collection', async () => {
    const compiled = compile(original);
    expect(compiled).toContain('const connection = new Connection(name);');
    expect(compiled).not.toContain('__addDisposableResource');
    const outcome = (await runChild('class-const', compiled, driver, report)) as { answer: string; events: string[]; runtime: RuntimeInfo };
    expectRuntime(outcome.runtime);
    expect(outcome.answer).toBe('a: select 1');
    expect(outcome.events).toEqual(['open a', 'queried a', 'returned a', 'open b', 'queried b', 'caught query on b failed']);
  });
});

describe('a fs.promises.FileHandle opened with const in an async function', () => {
  const file = fixture('runtime-file-handle.ts');
  // Checks the descriptor the function used right after its promise settles. Garbage
  // collections are counted through a PerformanceObserver, so the result shows that none ran
  // before the check (a collected FileHandle would be closed by Node with a warning).
  const driver = `
import { fstatSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeNote } from './module.mjs';
const collections = [];
const observer = new PerformanceObserver((list) => { collections.push(...list.getEntries().map((entry) => entry.startTime)); });
observer.observe({ entryTypes: ['gc'] });
const path = fileURLToPath(new URL('note.txt', import.meta.url));
const fd = await writeNote(path, 'hello');
let descriptor;
try {
  fstatSync(fd);
  descriptor = 'open';
} catch (error) {
  descriptor = error.code;
}
const checkedAt = performance.now();
const content = readFileSync(path, 'utf8');
const probe = await open(path, 'r');
const fileHandleAsyncDispose = typeof probe[Symbol.asyncDispose];
await probe.close();
// GC entries reach the observer in a later task, after the collection's callbacks.
await new Promise((resolve) => setTimeout(resolve, 10));
observer.disconnect();
const collectionsBeforeCheck = collections.filter((start) => start <= checkedAt).length;
`;
  const report = `console.log(JSON.stringify({ fd, descriptor, content, fileHandleAsyncDispose, collectionsBeforeCheck, runtime }));\n`;
  interface Outcome {
    fd: number;
    descriptor: string;
    content: string;
    fileHandleAsyncDispose: string;
    collectionsBeforeCheck: number;
    runtime: RuntimeInfo;
  }
  let original = '';
  let suggested = '';

  beforeAll(async () => {
    ({ original, suggested } = await lintAndApplySuggestion(file, "const fh = await fs.promises.open(path, 'w');"));
  });

  it('is reported once, and the suggestion declares the handle with `await using` (it is only AsyncDisposable)', async () => {
    expect(suggested).toBe(original.replace("const fh = await fs.promises.open(path, 'w');", "await using fh = await fs.promises.open(path, 'w');"));
    await expectCleanAfterSuggestion(file, suggested);
  });

  it('closes the descriptor with `await using` by the time the call has settled, before any collection', async () => {
    expect(suggested).toMatch(usingDeclaration);
    const compiled = compile(suggested);
    // Lowered by TypeScript: Node 20 would reject the keyword.
    expect(compiled).not.toMatch(usingDeclaration);
    expect(compiled).toContain('__addDisposableResource');
    const outcome = (await runChild('file-using', compiled, driver, report)) as Outcome;
    expectRuntime(outcome.runtime);
    // Node's own FileHandle provides the method the helpers call.
    expect(outcome.fileHandleAsyncDispose).toBe('function');
    expect(outcome.fd).toBeGreaterThan(2);
    expect(outcome.content).toBe('hello');
    expect(outcome.descriptor).toBe('EBADF');
    expect(outcome.collectionsBeforeCheck).toBe(0);
  });

  it('leaves the descriptor open after the call with the original `const`', async () => {
    const compiled = compile(original);
    expect(compiled).toContain("const fh = await fs.promises.open(path, 'w');");
    expect(compiled).not.toContain('__addDisposableResource');
    const outcome = (await runChild('file-const', compiled, driver, report)) as Outcome;
    expectRuntime(outcome.runtime);
    expect(outcome.fileHandleAsyncDispose).toBe('function');
    expect(outcome.fd).toBeGreaterThan(2);
    expect(outcome.content).toBe('hello');
    expect(outcome.descriptor).toBe('open');
    expect(outcome.collectionsBeforeCheck).toBe(0);
  });
});

describe('plain JavaScript for Node 20, run as written', () => {
  const file = fixture('runtime-plain.js');
  // Runs the suggested module itself: no compiler between the suggestion and Node.
  const driver = `
import { connect, events, runQuery } from './module.mjs';
const answer = runQuery('a', false);
events.push('returned a');
try {
  runQuery('b', true);
} catch (error) {
  events.push('caught ' + error.message);
}
const kept = connect('c');
events.push(kept.query('still open'));
`;
  const report = `console.log(JSON.stringify({ answer, events, runtime }));\n`;
  let original = '';
  let suggested = '';

  beforeAll(async () => {
    ({ original, suggested } = await lintAndApplySuggestion(file, 'const connection = new Connection(name);', 'useTryFinally'));
  });

  it('offers a `try`/`finally` form, not `using`, and the rule is satisfied by it', async () => {
    expect(suggested).not.toMatch(usingDeclaration);
    expect(suggested).toContain('  } finally {\n    connection[Symbol.dispose]();\n  }');
    await expectCleanAfterSuggestion(file, suggested);
  });

  it('disposes before returning and when the body throws, and never touches the connection that was handed back', async () => {
    const outcome = (await runChild('plain-try-finally', suggested, driver, report)) as { answer: string; events: string[]; runtime: RuntimeInfo };
    expectRuntime(outcome.runtime);
    // The `using` form would not even parse on this Node.
    expect(outcome.runtime.nativeUsingSyntax).toBe(false);
    expect(outcome.answer).toBe('a: select 1');
    expect(outcome.events).toEqual([
      'open a',
      'query a',
      'dispose a',
      'returned a',
      'open b',
      'query b',
      'dispose b',
      'caught query on b failed',
      'open c',
      'query c',
      'c: still open',
    ]);
  });

  it('never disposes with the original form', async () => {
    const outcome = (await runChild('plain-const', original, driver, report)) as { answer: string; events: string[]; runtime: RuntimeInfo };
    expect(outcome.events.filter((event) => event.startsWith('dispose'))).toEqual([]);
  });
});
