import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import noFinalizerHoldingTarget, * as holdingTypes from '../../rules/no-finalizer-holding-target.js';
import preferUsingOverFinalizer, * as preferUsingTypes from '../../rules/prefer-using-over-finalizer.js';
import { docExamples } from '../doc-examples.js';
import { runRuleTests } from '../rule-tester.js';

// The ❌ / ✅ examples in the finalizer rule docs, linted by their rules: every ❌ block must
// produce exactly the reports listed here (in order), every ✅ block none.
function cases<MessageIds extends string, Options extends readonly unknown[]>(
  rule: string,
  expected: MessageIds[][],
): { valid: ValidTestCase<Options>[]; invalid: InvalidTestCase<MessageIds, Options>[] } {
  const { incorrect, correct } = docExamples(rule);
  if (incorrect.length !== expected.length) {
    throw new Error(`${rule}: ${String(incorrect.length)} ❌ examples, ${String(expected.length)} expectations`);
  }
  return {
    valid: correct.map((code) => ({ code })),
    invalid: incorrect.map((code, index) => ({
      code,
      errors: (expected[index] ?? []).map((messageId) => ({ messageId })),
    })),
  };
}

const preferUsing = cases<preferUsingTypes.MessageIds, preferUsingTypes.Options>('prefer-using-over-finalizer', [
  ['releaseInFinalizer'],
  ['releaseInFinalizer'],
  ['resourceAsHeldValue'],
]);
runRuleTests('prefer-using-over-finalizer doc examples', preferUsingOverFinalizer, {
  valid: preferUsing.valid,
  invalid: preferUsing.invalid,
});

const holding = cases<holdingTypes.MessageIds, holdingTypes.Options>('no-finalizer-holding-target', [
  ['heldIsTarget', 'heldContainsTarget', 'heldClosesOverTarget', 'heldBoundToTarget'],
  ['callbackCapturesTarget'],
]);
runRuleTests('no-finalizer-holding-target doc examples', noFinalizerHoldingTarget, {
  valid: holding.valid,
  invalid: holding.invalid,
});
