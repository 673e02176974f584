// runRuleTests names every unnamed case briefly, on one line, and still refuses duplicate cases.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLintUtils } from '@typescript-eslint/utils';
import { afterEach, describe, expect, it } from 'vitest';

import { briefName, runRuleTests, withBriefNames } from './rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', messages: { found: 'found' }, schema: [], defaultOptions: [] },
  create: (context) => ({
    ClassDeclaration: (node): void => {
      context.report({ node, messageId: 'found' });
    },
  }),
});

const multiLine = `
class Parent {
  children: Child[] = [];
}
`;

/** The names RuleTester hands to `it` for these cases, collected without running them. */
function testNamesOf(cases: Parameters<typeof runRuleTests<'found', []>>[2]): string[] {
  const names: string[] = [];
  RuleTester.describe = (_name: string, body: () => void): void => {
    body();
  };
  RuleTester.it = (name: string): void => {
    names.push(name);
  };
  runRuleTests('probe', probe, cases);
  return names;
}

describe('test names of rule cases', () => {
  const { describe: realDescribe, it: realIt } = RuleTester;
  afterEach(() => {
    RuleTester.describe = realDescribe;
    RuleTester.it = realIt;
  });

  it('a case without a name gets one line: kind, index and its first line of code', () => {
    const names = testNamesOf({
      valid: [multiLine, { code: 'const x = 1;\nconst y = 2;', filename: 'file.js' }],
      invalid: [{ code: multiLine, errors: [{ messageId: 'found' }] }],
    });
    expect(names).toEqual([
      'valid #0: class Parent {',
      'valid #1 (file.js): const x = 1;',
      'invalid #0: class Parent {',
    ]);
  });

  it('a case that has a name keeps it', () => {
    const names = testNamesOf({ valid: [{ code: multiLine, name: 'a parent without a back edge' }], invalid: [] });
    expect(names).toEqual(['a parent without a back edge']);
  });

  it('long first lines are cut, so every derived name is short', () => {
    const name = briefName('invalid', 7, { code: `const value = ${'x + '.repeat(40)}x;` });
    expect(name.length).toBeLessThanOrEqual('invalid #7: '.length + 60);
    expect(name.endsWith('…')).toBe(true);
  });

  it('the cases are passed on unchanged apart from the name', () => {
    const invalid = [{ code: multiLine, options: [] as [], errors: [{ messageId: 'found' as const, line: 2 }] }];
    const named = withBriefNames<'found', []>('probe', { valid: [], invalid });
    expect(named.invalid).toEqual([{ ...invalid[0], name: 'invalid #0: class Parent {' }]);
  });

  it('a duplicate case is still refused, although the derived names differ', () => {
    expect(() => withBriefNames('probe', { valid: ['let a = 1;', { code: 'let a = 1;' }], invalid: [] })).toThrow(
      'probe: valid cases #0 and #1 are the same case (detected duplicate test case).',
    );
    // Cases that differ only in a name the author gave are two cases, as RuleTester sees them.
    expect(() =>
      withBriefNames('probe', { valid: [{ code: 'let a = 1;', name: 'one' }, { code: 'let a = 1;', name: 'two' }], invalid: [] }),
    ).not.toThrow();
  });
});
