// Run only by vitest.typescript-5.config.ts: proves that the tests there run on the low-end
// TypeScript, for our own modules and for typescript-eslint's, and that the newer one is never
// loaded beside it.
import { join } from 'node:path';
import { createRequire } from 'node:module';

import { parseForESLint } from '@typescript-eslint/parser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { fixturesDir } from '../rule-tester.js';
import { LOW_END_TYPESCRIPT } from './version.js';

const require = createRequire(import.meta.url);
const expected = (require(`${LOW_END_TYPESCRIPT}/package.json`) as { version: string }).version;

describe(`TypeScript ${expected}, the low end of the peer range`, () => {
  it('is what our sources import', () => {
    expect(ts.version).toBe(expected);
  });

  it("is what typescript-eslint's parser requires", () => {
    const fromParser = createRequire(require.resolve('@typescript-eslint/typescript-estree'));
    expect((fromParser('typescript') as typeof ts).version).toBe(expected);
  });

  it('is the only TypeScript loaded once a typed program has been built', () => {
    const { services } = parseForESLint('export const x: number = 1;\n', {
      filePath: join(fixturesDir, 'file.ts'),
      projectService: { allowDefaultProject: ['*.js', '*.tsx'], defaultProject: 'tsconfig.json' },
      tsconfigRootDir: fixturesDir,
    });
    expect(services.program?.getSourceFile(join(fixturesDir, 'file.ts'))).toBeDefined();
    const loaded = Object.keys(require.cache).filter((file) => /[\\/]node_modules[\\/]typescript[\\/]/.test(file));
    expect(loaded).toEqual([]);
  });
});
