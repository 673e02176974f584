// The configs the integration tests run are the README's, character for character: each
// fixture config file is a code block of the README, and every whole config file the README
// shows is one of the fixtures.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const blocks = [...read('../../README.md').matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');

const fixtures = [
  'project/eslint.config.mjs',
  'project/eslint.config.js',
  'project/eslint.config.ts',
  'js-project/eslint.config.mjs',
  'js-project/tsconfig.json',
];

describe('the README configs are the tested ones', () => {
  it.each(fixtures)('%s is a code block of the README', (fixture) => {
    expect(blocks).toContain(read(fixture));
  });

  it('every config file in the README is a fixture', () => {
    const texts = new Set(fixtures.map(read));
    const untested = blocks.filter((block) => block.startsWith('// eslint.config.') && !texts.has(block));
    expect(untested).toEqual([]);
  });
});
