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
  run(name, rule, withBriefNames(name, tests));
}

/** Longest first-line excerpt in a derived test name. */
const NAME_EXCERPT_LENGTH = 60;

/**
 * RuleTester names a case without `name` by its whole code, so the report prints multi-line
 * programs. Every unnamed case gets a one-line name here instead: its kind, its index and its
 * first line of code, cut short (`valid #3: class Parent { children: Child[] = []; }`), plus the
 * file name when the case sets one. The cases themselves are passed on untouched otherwise.
 *
 * RuleTester finds duplicate cases by comparing whole cases, name included, so a derived name
 * would hide a duplicate; the same check runs here on the cases as written, before naming.
 */
export function withBriefNames<MessageIds extends string, Options extends readonly unknown[]>(
  ruleName: string,
  tests: RunTests<MessageIds, Options>,
): RunTests<MessageIds, Options> {
  const valid = tests.valid.map((test) => (typeof test === 'string' ? { code: test } : test));
  rejectDuplicates(ruleName, 'valid', valid);
  rejectDuplicates(ruleName, 'invalid', tests.invalid);
  return {
    ...tests,
    valid: valid.map((test, index) => named(test, 'valid', index)),
    invalid: tests.invalid.map((test, index) => named(test, 'invalid', index)),
  };
}

function named<Case extends { code: string; name?: string; filename?: string }>(test: Case, kind: string, index: number): Case {
  if (test.name !== undefined && test.name.length > 0) return test;
  return { ...test, name: briefName(kind, index, test) };
}

/** `invalid #12 (file.tsx): class Panel { widgets: Widget[] = []; }` */
export function briefName(kind: string, index: number, test: { code: string; filename?: string }): string {
  const firstLine =
    test.code
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? '(empty)';
  const excerpt = firstLine.length > NAME_EXCERPT_LENGTH ? `${firstLine.slice(0, NAME_EXCERPT_LENGTH - 1)}…` : firstLine;
  const file = test.filename === undefined ? '' : ` (${test.filename})`;
  return `${kind} #${String(index)}${file}: ${excerpt}`;
}

function rejectDuplicates(ruleName: string, kind: string, cases: readonly object[]): void {
  const seen = new Map<string, number>();
  cases.forEach((test, index) => {
    const key = stableKey(test);
    if (key === undefined) return;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new Error(`${ruleName}: ${kind} cases #${String(first)} and #${String(index)} are the same case (detected duplicate test case).`);
    }
    seen.set(key, index);
  });
}

/**
 * A key that is equal for equal cases whatever their property order, or undefined for a case
 * that holds a function or a RegExp (RuleTester skips those in its duplicate check too).
 */
function stableKey(value: unknown): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (value === undefined) return 'undefined';
  if (typeof value === 'function' || value instanceof RegExp) return undefined;
  if (Array.isArray(value)) {
    const parts = value.map(stableKey);
    return parts.includes(undefined) ? undefined : `[${parts.join(',')}]`;
  }
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const key of Object.keys(value).sort()) {
      const part = stableKey((value as Record<string, unknown>)[key]);
      if (part === undefined) return undefined;
      parts.push(`${JSON.stringify(key)}:${part}`);
    }
    return `{${parts.join(',')}}`;
  }
  return undefined;
}
