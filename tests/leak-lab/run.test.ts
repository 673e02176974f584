// The leak-lab command end to end: flags and the human-readable report.
import { describe, expect, it } from 'vitest';

import { runLabScript } from './child.js';

describe('leak lab: run.mjs', () => {
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

  it('prints memory_profiler-like tables and a terminal chart without --json', () => {
    const result = runLabScript('run.mjs', [
      '--part',
      'memory',
      '--payload-mib',
      '0.25',
      '--iterations',
      '2',
      '--no-svg',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.match(/Iteration {4}Mem usage {5}Increment/gu)).toHaveLength(3);
    expect(result.stdout).toContain('the garbage collector collects cycles');
    expect(result.stdout).toMatch(/after the loop: ReferenceError: /u);
    expect(result.stdout).toContain('┤');
    expect(result.stdout).not.toContain('SVG chart written');
  });

  it('prints the finalizer facts with their exit codes and counts', () => {
    const result = runLabScript('run.mjs', ['--part', 'finalizers', '--fd-count', '50', '--held-count', '20']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/throw {9}exit code 1 /u);
    expect(result.stdout).toMatch(/try-catch {5}exit code 0 {2}survived/u);
    expect(result.stdout).toMatch(/held value references the target +0 of 20 finalized/u);
    if (process.platform === 'linux') {
      expect(result.stdout).toMatch(/closed in a finalizer +50 +0/u);
      expect(result.stdout).toMatch(/with `using` +0 +0/u);
    }
    expect(result.stdout).not.toContain('Mem usage');
  });
});
