import { fileURLToPath } from 'node:url';

import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.describeSkip = describe.skip;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.itSkip = it.skip;

/** tests/fixtures: a strict tsconfig, `file.ts` (default test file) and shared modules. */
export const fixturesDir = fileURLToPath(new URL('fixtures', import.meta.url));

/**
 * A RuleTester that gives every case real type information: cases are linted as
 * tests/fixtures/file.ts (or the `filename` a case names, e.g. `file.js`, `file.tsx`) inside the
 * strict fixtures project, so they can import the fixture modules beside it.
 */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: {
          // file.ts is in the fixtures project. TypeScript leaves file.js, file.tsx and file.mts out
          // of it (a wildcard include keeps one file per base name), so those come from the
          // default project; a file allowed here and also found in a project is refused.
          allowDefaultProject: ['*.js', '*.tsx', '*.mts'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: fixturesDir,
      },
    },
  });
}
