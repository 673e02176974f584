import type { RunTests } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';

import { createRuleTester } from './rule-tester.js';

/**
 * Runs the shared typed RuleTester on a rule built with the project's @typescript-eslint/utils
 * (8.73) while the installed rule-tester (8.72) declares its own copy of the same types; the
 * cases keep their messageId/options checking.
 */
export function runFinalizerTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: RunTests<MessageIds, Options>,
): void {
  const tester = createRuleTester();
  const run = tester.run.bind(tester) as (ruleName: string, module: unknown, cases: RunTests<MessageIds, Options>) => void;
  run(name, rule, tests);
}
