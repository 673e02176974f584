import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The runtime facts behind no-finalizer-holding-target and prefer-using-over-finalizer, shown
 * in fresh Node processes started with `--expose-gc`. Sizes are small (a few dozen objects,
 * one file) so the whole file runs in a second or two.
 */
const dir = mkdtempSync(join(tmpdir(), 'finalizers-runtime-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function runScript(name: string, source: string): unknown {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, source);
  const result = spawnSync(process.execPath, ['--expose-gc', file], { encoding: 'utf8', timeout: 30_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as unknown;
}

// Collects and yields to the event loop until `done()` holds or 200 rounds have passed, then
// prints `report()` as JSON. Cleanup callbacks run in tasks of their own, hence the timers.
const collectLoop = (done: string, report: string): string => `
let rounds = 0;
function round() {
  globalThis.gc();
  if ((${done}) || ++rounds > 200) {
    console.log(JSON.stringify(${report}));
    return;
  }
  setTimeout(round, 5);
}
setTimeout(round, 0);
`;

describe('held values and callbacks that reference their target (node --expose-gc)', () => {
  const N = 20;
  const script = `
const finalized = { plain: 0, heldRefersToTarget: 0, callbackCapturesTarget: 0, weakRef: 0 };
const registry = new FinalizationRegistry((kind) => { finalized[kind] += 1; });
const refRegistry = new FinalizationRegistry((held) => { finalized[held.kind] += 1; });
const capturingRegistries = [];
for (let i = 0; i < ${String(N)}; i += 1) {
  (() => {
    const target = { payload: new Array(8).fill(i) };
    registry.register(target, 'plain');
  })();
  (() => {
    const target = { payload: new Array(8).fill(i) };
    refRegistry.register(target, { kind: 'heldRefersToTarget', target });
  })();
  (() => {
    const target = { payload: new Array(8).fill(i) };
    refRegistry.register(target, { kind: 'weakRef', ref: new WeakRef(target) });
  })();
  (() => {
    const target = { payload: new Array(8).fill(i) };
    // The registry stays reachable (kept in an array); its callback closes over the target.
    const own = new FinalizationRegistry(() => { void target; finalized.callbackCapturesTarget += 1; });
    own.register(target, 'x');
    capturingRegistries.push(own);
  })();
}
let sameError = 'none';
try {
  const o = {};
  registry.register(o, o);
} catch (error) {
  sameError = error.constructor.name;
}
${collectLoop(`finalized.plain === ${String(N)} && finalized.weakRef === ${String(N)}`, '{ finalized, sameError, registries: capturingRegistries.length }')}
`;

  it('finalizes every plain or WeakRef-holding registration, and none whose held value or callback references the target', () => {
    const outcome = runScript('holding-target', script) as {
      finalized: Record<string, number>;
      sameError: string;
      registries: number;
    };
    expect(outcome.finalized).toEqual({ plain: N, heldRefersToTarget: 0, callbackCapturesTarget: 0, weakRef: N });
    expect(outcome.registries).toBe(N);
  });

  it('throws a TypeError when the held value is the target itself', () => {
    const outcome = runScript('holding-target-same', script) as { sameError: string };
    expect(outcome.sameError).toBe('TypeError');
  });
});

const onLinux = process.platform === 'linux' && existsSync('/proc/self/fd');

describe.runIf(onLinux)('a file handle released in a finalizer versus by `using` (node --expose-gc)', () => {
  // Written in TypeScript with `using` and compiled the way a project targeting ES2022 would
  // be: TypeScript lowers `using` to a try/finally that calls [Symbol.dispose]().
  const source = `
import { closeSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const path = join(tmpdir(), 'finalizers-runtime-' + String(process.pid) + '.txt');
const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

let finalizerRuns = 0;
const registry = new FinalizationRegistry<number>((fd) => {
  finalizerRuns += 1;
  closeSync(fd);
});

class FinalizedFile {
  readonly fd = openSync(path, 'w');
  constructor() {
    registry.register(this, this.fd);
  }
}

class DisposableFile implements Disposable {
  readonly fd = openSync(path, 'w');
  [Symbol.dispose](): void {
    closeSync(this.fd);
  }
}

const before = openDescriptors();
(() => {
  const file = new FinalizedFile();
  void file.fd;
})();
// The owner is unreachable now; without a collection its finalizer has no reason to run.
await new Promise((resolve) => setTimeout(resolve, 50));
const afterDroppingFinalized = openDescriptors();
const finalizerRunsBeforeGc = finalizerRuns;

const beforeUsing = openDescriptors();
{
  using file = new DisposableFile();
  void file.fd;
}
const afterUsingScope = openDescriptors();

process.on('exit', () => {
  rmSync(path, { force: true });
  console.log(JSON.stringify({ before, afterDroppingFinalized, finalizerRunsBeforeGc, beforeUsing, afterUsingScope, finalizerRunsAtExit: finalizerRuns }));
});
`;

  it('keeps the descriptor open after its owner is dropped, while `using` closes it at scope exit', () => {
    const compiled = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    expect(compiled).not.toMatch(/\busing file\b/);
    const outcome = runScript('descriptor', compiled) as Record<string, number>;
    expect(outcome.afterDroppingFinalized).toBe((outcome.before ?? 0) + 1);
    expect(outcome.finalizerRunsBeforeGc).toBe(0);
    expect(outcome.afterUsingScope).toBe(outcome.beforeUsing);
    // Nor does a pending finalizer run when the process exits.
    expect(outcome.finalizerRunsAtExit).toBe(0);
  });
});
