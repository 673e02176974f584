import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

/**
 * The runtime facts no-throwing-finalizer stands on, shown in fresh Node processes started with
 * `--expose-gc`: one object is registered, dropped and collected, and the process reports
 * what its cleanup callback did to it.
 */
const dir = mkdtempSync(join(tmpdir(), 'no-throwing-finalizer-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Collects until the callback has run (`ran` is set by it) or gives up with exit code 2, so a
// callback that never ran cannot pass for one that ran and was survived.
const harness = (callback: string): string => `
let ran = false;
const registry = new FinalizationRegistry(${callback});
(function register() {
  registry.register({ payload: new Array(16).fill(0) }, 'session-7');
})();
let rounds = 0;
function round() {
  globalThis.gc();
  if (ran) {
    setTimeout(() => console.log('survived'), 20);
    return;
  }
  if (++rounds > 300) {
    console.log('callback never ran');
    process.exitCode = 2;
    return;
  }
  setTimeout(round, 10);
}
setTimeout(round, 0);
`;

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(name: string, callback: string): Outcome {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, harness(callback));
  const result = spawnSync(process.execPath, ['--expose-gc', file], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('FinalizationRegistry cleanup callbacks at run time (node --expose-gc)', () => {
  it('a callback that throws is an uncaught exception: the process exits with code 1', () => {
    const outcome = run(
      'throws',
      `(held) => {
        ran = true;
        throw new Error('cleanup failed for ' + held);
      }`,
    );
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toContain('cleanup failed for session-7');
    expect(outcome.stdout).not.toContain('survived');
  });

  it('an async callback that rejects is an unhandled rejection: the process exits with code 1', () => {
    const outcome = run(
      'rejects',
      `async (held) => {
        ran = true;
        await null;
        throw new Error('async cleanup failed for ' + held);
      }`,
    );
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toContain('async cleanup failed for session-7');
    expect(outcome.stdout).not.toContain('survived');
  });

  it('the suggested try/catch form swallows the error and the process exits with code 0', () => {
    // The rule's suggestion output for the throwing callback above.
    const outcome = run(
      'wrapped',
      `(held) => {
        try {
          ran = true;
          throw new Error('cleanup failed for ' + held);
        } catch {
          // Empty on purpose: an error that escapes a cleanup callback is an uncaught exception, which ends a Node process.
        }
      }`,
    );
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('survived');
    expect(outcome.stderr).toBe('');
  });

  it('try/catch does not catch a promise the callback leaves floating: exit code 1', () => {
    const outcome = run(
      'floating',
      `(held) => {
        try {
          ran = true;
          void Promise.reject(new Error('floating rejection for ' + held));
        } catch {
          // never reached: the rejection happens after the callback returned
        }
      }`,
    );
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toContain('floating rejection for session-7');
    expect(outcome.stdout).not.toContain('survived');
  });

  it('the suggested .catch handler on the floating promise lets the process exit with code 0', () => {
    const outcome = run(
      'floating-handled',
      `(held) => {
        ran = true;
        void Promise.reject(new Error('floating rejection for ' + held)).catch(() => {
          // Empty on purpose: a rejection that escapes a cleanup callback is unhandled, which ends a Node process.
        });
      }`,
    );
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('survived');
    expect(outcome.stderr).toBe('');
  });

  it('the suggested try/catch form also keeps an async callback from rejecting', () => {
    const outcome = run(
      'wrapped-async',
      `async (held) => {
        try {
          ran = true;
          await null;
          throw new Error('async cleanup failed for ' + held);
        } catch {
          // Empty on purpose: an error that escapes a cleanup callback is an uncaught exception, which ends a Node process.
        }
      }`,
    );
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('survived');
    expect(outcome.stderr).toBe('');
  });
});
