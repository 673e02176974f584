// The leak-lab command end to end: flags, JSON output and the SVG chart.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { runLabScript } from './child.js';

interface RunOutput {
  machine: { node: string; cpus: number };
  memory: Record<'a' | 'b' | 'c', { rows: unknown[]; growth: number }>;
  summary: { growthMiB: Record<'a' | 'b' | 'c', number>; bOverC: number };
  finalizers?: unknown;
}

describe('leak lab: run.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leak-lab-test-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('--help prints the flags and exits 0', () => {
    const result = runLabScript('run.mjs', ['--help']);
    expect(result.status).toBe(0);
    for (const flag of ['--payload-mib', '--iterations', '--json', '--no-chart', '--no-svg', '--svg']) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('rejects a bad flag value with exit code 2', () => {
    const result = runLabScript('run.mjs', ['--iterations', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--iterations');
  });

  it('--json runs the three variants and writes the SVG chart where --svg says', () => {
    const svgPath = join(dir, 'chart.svg');
    const result = runLabScript('run.mjs', [
      '--part',
      'memory',
      '--payload-mib',
      '0.5',
      '--iterations',
      '3',
      '--json',
      '--svg',
      svgPath,
    ]);
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as RunOutput;
    expect(output.machine.node).toBe(process.version);
    expect(output.memory.a.rows).toHaveLength(3);
    expect(output.summary.bOverC).toBeGreaterThanOrEqual(5);
    expect(output.finalizers).toBeUndefined();

    const svg = readFileSync(svgPath, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of ['(a) strong parent', '(b) strong parent', '(c) WeakRef parent']) {
      expect(svg).toContain(label);
    }
    // One line mark per variant.
    expect(svg.match(/aria-roledescription="line mark"/gu)).toHaveLength(3);
  });

  it('prints memory_profiler-like tables and a terminal chart without --json', () => {
    const result = runLabScript('run.mjs', [
      '--part',
      'memory',
      '--payload-mib',
      '0.5',
      '--iterations',
      '2',
      '--no-svg',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.match(/Iteration {4}Mem usage {5}Increment/gu)).toHaveLength(3);
    expect(result.stdout).toContain('the garbage collector collects cycles');
    expect(result.stdout).toContain('┤');
    expect(result.stdout).not.toContain('SVG chart written');
  });
});
