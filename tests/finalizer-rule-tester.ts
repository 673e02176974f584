import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';

import { fixturesDir } from './rule-tester.js';

/**
 * Same settings as `createRuleTester()` except that `*.ts` is left out of allowDefaultProject:
 * the fixtures tsconfig already includes file.ts, and typescript-estree refuses a file that is
 * both in a project and allowed into the default project ("was included by allowDefaultProject
 * but also was found in the project service"). Once tests/rule-tester.ts does the same, the
 * finalizer tests can switch back to it.
 */
export function createFinalizerRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.tsx', '*.mts'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: fixturesDir,
      },
    },
  });
}

/**
 * Runs RuleTester on a rule built with the project's @typescript-eslint/utils (8.73) while
 * the installed rule-tester (8.72) declares its own copy of the same types; the cases keep
 * their messageId/options checking.
 */
export function runFinalizerTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: RunTests<MessageIds, Options>,
): void {
  const tester = createFinalizerRuleTester();
  const run = tester.run.bind(tester) as (ruleName: string, module: unknown, cases: RunTests<MessageIds, Options>) => void;
  run(name, rule, tests);
}
