// The KeepDuringJob fact the weak-parent docs state: a WeakRef's target (and every target a
// deref() returns) stays alive until the current synchronous job ends, so a batch that builds
// and drops trees with the codemod's class keeps all of them until it yields.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runLabJson } from './child.js';

interface KeepDuringJob {
  trees: number;
  treeMiB: number;
  strongSyncMiB: number;
  weakSyncMiB: number;
  weakAfterJobMiB: number;
  weakYieldingPeakMiB: number;
}

describe('leak lab: WeakRef targets live until the job ends', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leak-lab-kdj-'));
  let result: KeepDuringJob;

  beforeAll(async () => {
    const { writeWeakTreeNode } = await import('../../bench/leak-lab/codemod.mjs');
    const weak = await writeWeakTreeNode(dir);
    result = runLabJson('keep-during-job.mjs', ['--weak-tree-node', weak.file, '--trees', '10', '--payload-mib', '0.5']) as KeepDuringJob;
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('the strong class: a synchronous batch of dropped trees is collected at once', () => {
    expect(result.strongSyncMiB).toBeLessThan(result.treeMiB / 2);
  });

  it("the codemod's class: the same batch keeps every tree until the job ends", () => {
    expect(result.treeMiB).toBe(4);
    expect(result.weakSyncMiB).toBeGreaterThan(0.9 * result.trees * result.treeMiB);
  });

  it('once the job has ended, or when the batch yields after each tree, they go', () => {
    expect(result.weakAfterJobMiB).toBeLessThan(result.treeMiB / 2);
    expect(result.weakYieldingPeakMiB).toBeLessThan(1.5 * result.treeMiB);
  });
});
