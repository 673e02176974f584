// Every flag of the CLI and of each transform is documented in the transform's doc page, so
// the list there cannot drift from the code (--help is generated from the same lists and
// checked through the bin in cli.test.ts).
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { COMMON_OPTIONS } from '../../cli/options.js';
import { TRANSFORMS } from '../../codemods/registry.js';

describe('CLI flags in the docs', () => {
  for (const entry of TRANSFORMS) {
    const doc = readFileSync(new URL(`../../docs/codemods/${entry.name}.md`, import.meta.url), 'utf8');
    const flags = [...Object.keys(COMMON_OPTIONS), ...entry.options.map((option) => option.name)];
    it(`docs/codemods/${entry.name}.md names every flag`, () => {
      expect(flags.filter((flag) => !doc.includes(`--${flag}`))).toEqual([]);
    });
  }
});
