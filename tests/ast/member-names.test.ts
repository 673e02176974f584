import type { TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { calleePath, memberKey, memberName, propertyKeyText, tsPropertyKey, tsSymbolPropertyKey } from '../../src/ast/member-names.js';
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

describe('member names on the TypeScript side', () => {
  const code = `const kParent = Symbol('parent');
declare const ns: { readonly kChildren: unique symbol };
export default class A {
  plain = 1;
  'quoted' = 2;
  3 = 3;
  #secret = 4;
  [kParent]: A | null = null;
  [ns.kChildren]: A[] = [];
  [\`tpl\`] = 6;
  [kParent + 'x'] = 7;
  [(kParent)]!: A;
}`;

  it('reads declaration names the way propertyKey reads ESTree keys', () => {
    const file = ts.createSourceFile('file.ts', code, ts.ScriptTarget.ES2022, true);
    const classNode = file.statements.find(ts.isClassDeclaration);
    const keys = classNode?.members.map((member) => {
      const key = member.name === undefined ? undefined : tsPropertyKey(member.name);
      return key === undefined ? undefined : `${key.kind}:${propertyKeyText(key)}`;
    });
    expect(keys).toEqual([
      'name:plain',
      'name:quoted',
      'name:3',
      'private:#secret',
      'symbol:[kParent]',
      'symbol:[ns.kChildren]',
      'name:tpl',
      undefined,
      'symbol:[kParent]',
    ]);
  });

  it('names the checker\'s symbol-keyed properties by their declarations, not `__@kParent@…`', () => {
    const host = ts.createCompilerHost({ strict: true });
    const original = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion) =>
      fileName === 'file.ts' ? ts.createSourceFile(fileName, code, languageVersion, true) : original(fileName, languageVersion);
    const program = ts.createProgram(['file.ts'], { strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] }, host);
    const checker = program.getTypeChecker();
    const classNode = program.getSourceFile('file.ts')?.statements.find(ts.isClassDeclaration);
    expect(classNode).toBeDefined();
    const properties = classNode === undefined ? [] : checker.getPropertiesOfType(checker.getTypeAtLocation(classNode));
    const internal = properties.map((property) => property.getName()).filter((name) => name.startsWith('__@'));
    // The checker's own names are internal ones; these are the names the keys are written with.
    expect(internal.length).toBeGreaterThan(0);
    expect(properties.map((property) => propertyKeyText(tsSymbolPropertyKey(property)))).toEqual(
      expect.arrayContaining(['plain', '#secret', '[kParent]', '[ns.kChildren]']),
    );
  });
});
