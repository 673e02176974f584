// The JSDoc readers behind the weak-parent codemod's handling of type-checked JavaScript: the
// `@type` above a member, and what a JSDoc type says about the WeakRef's target (the pragmas:
// tests/ts-check-pragma.test.ts).
import { describe, expect, it } from 'vitest';

import { jsdocTemplateNames, jsdocTypeBefore, jsdocUnionParts } from '../../codemods/lib/jsdoc.js';
import { analyseJsdocType } from '../../codemods/weak-parent/types.js';

describe('jsdocTypeBefore', () => {
  it('finds the @type of the comment right above, across lines and nested braces', () => {
    const source = 'class A {\n  /**\n   * Where it sits.\n   * @type {{ kind: string } | Node\n   *   | null}\n   */\n  parent = null;\n}';
    expect(jsdocTypeBefore(source, source.indexOf('parent'))).toBe('{ kind: string } | Node | null');
  });

  it('ignores a comment that is not JSDoc, has no @type, or ends a line of code', () => {
    expect(jsdocTypeBefore('/* @type {Node} */\nparent = null;', 16)).toBeUndefined();
    const noType = '/** The parent. */\nparent = null;';
    expect(jsdocTypeBefore(noType, noType.indexOf('parent'))).toBeUndefined();
    const trailing = 'x = 1; /** @type {Node} */\nparent = null;';
    expect(jsdocTypeBefore(trailing, trailing.indexOf('parent'))).toBeUndefined();
  });
});

describe('jsdocUnionParts', () => {
  it('splits at top-level bars only and unwraps groups', () => {
    expect(jsdocUnionParts('Map<string, A | B> | (C | null) | undefined')).toEqual(['Map<string, A | B>', 'C', 'null', 'undefined']);
    expect(jsdocUnionParts('(a: A) => B | null')).toEqual(['(a: A) => B', 'null']);
  });

  it('gives up on brackets that do not match', () => {
    expect(jsdocUnionParts('Map<string, A')).toBeUndefined();
    expect(jsdocUnionParts('A |')).toBeUndefined();
  });
});

describe('analyseJsdocType', () => {
  const none = new Set<string>();

  it('takes object types, with null, undefined and Closure-style ?T', () => {
    expect(analyseJsdocType('Node | null', none)).toMatchObject({ ok: true, type: { text: 'Node', names: ['Node'], kinds: 1, nullable: true, undefinable: false } });
    expect(analyseJsdocType('?Node', none)).toMatchObject({ ok: true, type: { text: 'Node', nullable: true } });
    expect(analyseJsdocType('import("./tree.js").Tree | undefined', none)).toMatchObject({ ok: true, type: { undefinable: true, names: [] } });
    expect(analyseJsdocType('A | B', none)).toMatchObject({ ok: true, type: { kinds: 2 } });
  });

  it('refuses what may be a primitive: primitives, wrappers, any, Object and template parameters', () => {
    for (const text of ['string | null', 'String', '*', 'any', 'Object', 'Node | number', 'T | null']) {
      expect(analyseJsdocType(text, new Set(['T'])), text).toMatchObject({ ok: false, refusal: { kind: 'not-object-type' } });
    }
  });

  it('is silent on a field that already holds a WeakRef', () => {
    expect(analyseJsdocType('WeakRef<Node> | null', none)).toMatchObject({ ok: false, silent: true });
  });
});

describe('jsdocTemplateNames', () => {
  it('reads the @template names of an exported class', () => {
    const source = '/**\n * @template {object} T, U\n * @template V\n */\nexport default class Box {}';
    expect([...jsdocTemplateNames(source, source.indexOf('class'))].sort()).toEqual(['T', 'U', 'V']);
  });
});
