import { fileURLToPath } from 'node:url';

import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
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
          // file.ts and file.mts are in the fixtures project. TypeScript leaves file.js and
          // file.tsx out of it (a wildcard include keeps one of file.ts/.tsx/.js), so those come
          // from the default project; a file allowed here and also found in a project is refused.
          allowDefaultProject: ['*.js', '*.tsx'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: fixturesDir,
      },
    },
  });
}

/**
 * Runs the typed RuleTester on one of our rules. The rules are built with the project's
 * @typescript-eslint/utils (8.73) while the newest rule-tester (8.72) declares its own copy of
 * the same types, so the rule is handed over untyped once, here; the cases keep their
 * messageId and options checking.
 */
export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: RunTests<MessageIds, Options>,
): void {
  const tester = createRuleTester();
  const run = tester.run.bind(tester) as (ruleName: string, module: unknown, cases: RunTests<MessageIds, Options>) => void;
  run(name, rule, tests);
}
