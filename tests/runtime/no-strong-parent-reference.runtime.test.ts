// The premise of no-strong-parent-reference, shown in Node with --expose-gc: a retained child
// whose `parent` is a plain field keeps the parent (and everything the parent holds) alive after
// the owner lets go of the tree; the WeakRef accessor the rule suggests lets the parent go, and
// then fails loudly instead of handing out a dead tree.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { renderWeakParentMembers } from '../../src/weak-parent-rewrite.js';

const run = promisify(execFile);
const workDir = mkdtempSync(join(tmpdir(), 'nspr-runtime-'));

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** Payload each parent holds: small, but far above the noise of a fresh heap. */
const PAYLOAD_BYTES = 4 * 1024 * 1024;

// The member text the rule's suggestion puts in place of `parent = null;` in a JS class.
const weakParentMembers = renderWeakParentMembers(
  { className: 'Child', fieldName: 'parent', nullable: true, undefinable: false, readonly: false, storage: 'private', typescript: false, initializer: 'null' },
  '  ',
);

const script = (parentMembers: string): string => `
class Parent {
  children = [];
  payload = new ArrayBuffer(${String(PAYLOAD_BYTES)});
  add(child) { child.parent = this; this.children.push(child); return child; }
}
class Child {
  ${parentMembers}
}

// A WeakRef target read in a job stays alive until the job ends, so collect in fresh macrotasks.
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function collect() {
  for (let i = 0; i < 4; i++) { await tick(); globalThis.gc(); }
}

let owner = new Parent();
const payloadRef = new WeakRef(owner.payload);
const retained = owner.add(new Child()); // a cache, a selection, a listener...
await collect();
const aliveWhileOwned = payloadRef.deref() !== undefined && retained.parent === owner;
owner = null; // the owner lets go of the tree; only the child is still reachable
await collect();
const result = {
  aliveWhileOwned,
  payloadAlive: payloadRef.deref() !== undefined,
  arrayBufferBytes: process.memoryUsage().arrayBuffers,
};
try {
  result.parentAfterRelease = retained.parent === null ? 'null' : typeof retained.parent;
} catch (error) {
  result.parentAfterRelease = error.constructor.name + ': ' + error.message;
}
console.log(JSON.stringify(result));
`;

interface Outcome {
  aliveWhileOwned: boolean;
  payloadAlive: boolean;
  arrayBufferBytes: number;
  parentAfterRelease: string;
}

async function runVariant(name: string, parentMembers: string): Promise<Outcome> {
  const file = join(workDir, `${name}.mjs`);
  writeFileSync(file, script(parentMembers));
  const { stdout } = await run(process.execPath, ['--expose-gc', file], { timeout: 30_000 });
  return JSON.parse(stdout) as Outcome;
}

describe('no-strong-parent-reference premise (node --expose-gc, child process)', () => {
  it('a retained child with a strong parent field keeps the parent and its payload alive', async () => {
    const outcome = await runVariant('strong', 'parent = null;');
    expect(outcome.aliveWhileOwned).toBe(true);
    expect(outcome.payloadAlive).toBe(true);
    expect(outcome.arrayBufferBytes).toBeGreaterThanOrEqual(PAYLOAD_BYTES);
    expect(outcome.parentAfterRelease).toBe('object');
  });

  it('with the suggested WeakRef accessor the parent and its payload are collected, and reading parent throws', async () => {
    const outcome = await runVariant('weak', weakParentMembers);
    expect(outcome.aliveWhileOwned).toBe(true);
    expect(outcome.payloadAlive).toBe(false);
    expect(outcome.arrayBufferBytes).toBeLessThan(PAYLOAD_BYTES);
    expect(outcome.parentAfterRelease).toMatch(/^ReferenceError: Child\.parent is no longer available/);
  });
});
