// The FinalizationRegistry facts of the leak lab, each in its own child process.
import { describe, expect, it } from 'vitest';

import { runLabJson, runLabScript } from './child.js';

interface HeldValueResult {
  count: number;
  finalized: { referencesTarget: number; separate: number };
  heldIsTarget: { threw: boolean; errorName?: string };
}

interface DescriptorResult {
  form: 'finalizer' | 'using';
  count: number;
  supported: boolean;
  openAfterLoop: number;
  openAfterGc: number;
  compiled?: { by: string; usingLowered: boolean };
}

describe('leak lab: a cleanup callback that throws', () => {
  it('ends the process with exit code 1', () => {
    const result = runLabScript('throwing-finalizer.mjs', ['--form', 'throw']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TypeError');
    expect(result.stdout).not.toContain('survived');
  });

  it('ends the process with exit code 1 when it is async and rejects', () => {
    const result = runLabScript('throwing-finalizer.mjs', ['--form', 'async-reject']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TypeError');
  });

  it('is survived when the body is wrapped in try/catch, and the callback did run', () => {
    const result = runLabScript('throwing-finalizer.mjs', ['--form', 'try-catch']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout.trim()) as { survived: boolean; callbackRuns: number; caught: string };
    expect(report.survived).toBe(true);
    expect(report.callbackRuns).toBe(1);
    expect(report.caught).toMatch(/^TypeError: /u);
  });
});

describe('leak lab: held values', () => {
  it('a held value that references its target is never finalized; a separate one is', () => {
    const result = runLabJson('held-value.mjs', ['--count', '50']) as HeldValueResult;
    expect(result.finalized.referencesTarget).toBe(0);
    expect(result.finalized.separate).toBeGreaterThanOrEqual(45);
    expect(result.heldIsTarget).toMatchObject({ threw: true, errorName: 'TypeError' });
  });
});

describe.skipIf(process.platform !== 'linux')('leak lab: file descriptors (/proc/self/fd)', () => {
  const COUNT = 200;

  it('released in a finalizer: still open after every owner was dropped', () => {
    const result = runLabJson('fd.mjs', ['--form', 'finalizer', '--count', String(COUNT)]) as DescriptorResult;
    expect(result.supported).toBe(true);
    expect(result.openAfterLoop).toBeGreaterThanOrEqual(0.9 * COUNT);
    // Only a forced GC made the finalizers close them.
    expect(result.openAfterGc).toBeLessThan(result.openAfterLoop);
  });

  it('released by Symbol.dispose through `using`: closed at every scope exit', () => {
    const result = runLabJson('fd.mjs', ['--form', 'using', '--count', String(COUNT)]) as DescriptorResult;
    expect(result.supported).toBe(true);
    expect(result.openAfterLoop).toBe(0);
    expect(result.openAfterGc).toBe(0);
    expect(result.compiled?.usingLowered).toBe(true);
  });
});
