import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { calleePath, memberKey, memberName, propertyKeyText } from '../../src/ast/member-names.js';
import { inspect } from './inspect.js';

describe('member names', () => {
  it('reads class member keys, symbol keys included', () => {
    const code = `const kParent = Symbol('parent');
class A {
  plain = 1;
  'quoted' = 2;
  3 = 3;
  #secret = 4;
  [kParent] = 5;
  [Symbol.dispose]() {}
  [\`tpl\`] = 6;
  [kParent + 'x'] = 7;
}`;
    const keys = inspect(code, 'ClassBody > *', (node) => {
      const key = memberKey(node as TSESTree.PropertyDefinition);
      return key === undefined ? undefined : `${key.kind}:${propertyKeyText(key)}`;
    });
    expect(keys).toEqual(['name:plain', 'name:quoted', 'name:3', 'private:#secret', 'symbol:[kParent]', 'symbol:[Symbol.dispose]', 'name:tpl', undefined]);
  });

  it('reads static member accesses and not dynamic ones', () => {
    const names = inspect('a.b; a["c"]; a.#d; a[k]; a[Symbol.dispose]; a[0];', 'MemberExpression', (node) =>
      memberName(node as TSESTree.MemberExpression),
    );
    // `a[Symbol.dispose]` holds a static access of its own, `Symbol.dispose`.
    expect(names).toEqual(['b', 'c', '#d', undefined, undefined, 'dispose', '0']);
  });

  it('reads callee paths of plain names only', () => {
    const paths = inspect('console.log(); a.b.c(); f(); this.m(); g()();', 'CallExpression', (node) =>
      calleePath((node as TSESTree.CallExpression).callee)?.join('.'),
    );
    expect(paths).toEqual(['console.log', 'a.b.c', 'f', undefined, undefined, 'g']);
  });
});
