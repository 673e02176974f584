// The parent/child loop of the leak lab, small: 1 MiB per node, trees of 8 nodes, 5 iterations.
// One `run.mjs --json` run (each variant in its own child process), which also draws the SVG.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MiB, runLabScript, type LoopResult } from './child.js';

const PAYLOAD_MIB = 1;
const CHILDREN = 7;
const ITERATIONS = 5;

interface RunOutput {
  machine: { node: string; cpus: number };
  memory: Record<'a' | 'b' | 'c', LoopResult>;
  summary: { growthMiB: Record<'a' | 'b' | 'c', number>; bOverC: number };
  finalizers?: unknown;
}

describe('leak lab: parent/child loop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leak-lab-test-'));
  const svgPath = join(dir, 'chart.svg');
  let output: RunOutput;
  let a: LoopResult;
  let b: LoopResult;
  let c: LoopResult;

  beforeAll(() => {
    const result = runLabScript('run.mjs', [
      '--part',
      'memory',
      '--payload-mib',
      String(PAYLOAD_MIB),
      '--children',
      String(CHILDREN),
      '--iterations',
      String(ITERATIONS),
      '--json',
      '--svg',
      svgPath,
    ]);
    if (result.status !== 0) throw new Error(`run.mjs exited ${String(result.status)}:\n${result.stderr}`);
    output = JSON.parse(result.stdout) as RunOutput;
    ({ a, b, c } = output.memory);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the machine and leaves the finalizer part out with --part memory', () => {
    expect(output.machine.node).toBe(process.version);
    expect(output.finalizers).toBeUndefined();
  });

  it('reports one row per iteration with the cache size', () => {
    expect(a.rows.map((row) => row.cached)).toEqual([0, 0, 0, 0, 0]);
    expect(b.rows.map((row) => row.cached)).toEqual([1, 2, 3, 4, 5]);
    expect(c.rows.map((row) => row.cached)).toEqual([1, 2, 3, 4, 5]);
  });

  it('(a) strong parent with nothing retained stays flat: the cycles are collected', () => {
    // One tree is 8 MiB; a leak of even one node per iteration would exceed this bound.
    for (const row of a.rows) expect(Math.abs(row.heapUsed - a.baseline)).toBeLessThan(0.5 * MiB);
    expect(Math.abs(a.growth)).toBeLessThan(0.5 * MiB);
  });

  it('(b) strong parent with a cached child grows by the whole tree per iteration', () => {
    const tree = (CHILDREN + 1) * PAYLOAD_MIB * MiB;
    expect(b.growth).toBeGreaterThan(0.9 * ITERATIONS * tree);
    expect(b.growth).toBeLessThan(1.2 * ITERATIONS * tree);
    expect(b.parentRead).toEqual({ threw: false, value: 'parent 1' });
  });

  it('(c) WeakRef parent with a cached child grows by the child payload only', () => {
    const child = PAYLOAD_MIB * MiB;
    expect(c.growth).toBeGreaterThan(0.9 * ITERATIONS * child);
    expect(c.growth).toBeLessThan(1.5 * ITERATIONS * child);
  });

  it('(b) grows at least 5x more than (c) over the run', () => {
    expect(b.growth).toBeGreaterThanOrEqual(5 * c.growth);
    expect(output.summary.bOverC).toBeCloseTo(b.growth / c.growth, 6);
  });

  it('(c) uses the class the weak-parent codemod printed, which returns the parent while it lives', () => {
    expect(c.codemod?.source).toContain('WeakRef');
    expect(c.codemod?.source).not.toMatch(/^\s*parent = null;/mu);
    expect(c.parentWhileAlive).toBe(true);
  });

  it('(c) reading .parent on a cached child after its parent was collected throws ReferenceError', () => {
    expect(c.parentRead).toMatchObject({ threw: true, errorName: 'ReferenceError' });
    if (c.parentRead?.threw) {
      expect(c.parentRead.message).toContain('TreeNode');
      expect(c.parentRead.message).toContain('parent');
    }
  });

  it('draws the three curves into the SVG named by --svg', () => {
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of ['(a) strong parent', '(b) strong parent', '(c) WeakRef parent']) {
      expect(svg).toContain(label);
    }
    expect(svg.match(/aria-roledescription="line mark"/gu)).toHaveLength(3);
  });
});
