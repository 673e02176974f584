// The short form of the positional fuzzer of `npm run robustness` (scripts/robustness/fuzz.ts):
// one snippet at each kind of position, languages and snippets rotating, linted with every rule
// and real types. The full run places every snippet at every position.
import { rmSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { POSITIONS } from '../../scripts/robustness/fuzz-cases.js';
import { fuzz, LANGUAGES, writeFuzzProject } from '../../scripts/robustness/fuzz.js';

const project = writeFuzzProject({ sample: true });
afterAll(() => {
  rmSync(project.root, { recursive: true, force: true });
});

describe('positional fuzzer, one snippet per position', () => {
  it('places a snippet at every position kind, in every language', () => {
    expect(new Set(project.cases.map((entry) => entry.position)).size).toBe(POSITIONS.length);
    expect(new Set(project.cases.map((entry) => entry.language))).toEqual(new Set(LANGUAGES));
  });

  it('every rule runs on every case without an exception', async () => {
    const result = await fuzz(plugin, project);
    expect([...result.modules.exceptions, ...result.scripts.exceptions]).toEqual([]);
    expect([...result.modules.parseErrors, ...result.scripts.parseErrors]).toEqual([]);
    expect(result.positionsCovered).toBe(POSITIONS.length);
    // The snippets are findings in most places: the rules did look.
    const reports = Object.values(result.modules.reportsByRule).reduce((sum, count) => sum + count, 0);
    expect(reports).toBeGreaterThan(project.cases.length / 2);
  });
});
