// The shared text generator on its own: the rule's suggestion calls it without the codemod.
import { runInNewContext } from 'node:vm';

import { describe, expect, it } from 'vitest';

import {
  renderWeakParentMembers,
  renderWeakParentStoreWrite,
  weakParentStoreName,
  type WeakParentField,
} from '../../src/weak-parent-rewrite.js';
import { transformWithReports } from '../../codemods/weak-parent/index.js';

const base: WeakParentField = {
  className: 'TreeNode',
  fieldName: 'parent',
  targetType: 'TreeNode',
  nullable: true,
  undefinable: false,
  readonly: false,
  storage: 'private',
  typescript: true,
};

describe('weakParentStoreName', () => {
  it('names the store after the field and the storage kind', () => {
    expect(weakParentStoreName('parent', 'private')).toBe('#parent');
    expect(weakParentStoreName('owner', 'underscore')).toBe('_ownerRef');
  });
});

describe('renderWeakParentMembers', () => {
  it('indents every line after the first with the member indentation and uses the given line ending', () => {
    const text = renderWeakParentMembers(base, '    ', '\r\n', '    ');
    const lines = text.split('\r\n');
    expect(text).not.toMatch(/[^\r]\n/);
    expect(lines[0]).toBe('get parent(): TreeNode | null {');
    expect(lines[1]).toBe('        const ref = this.#parent;');
    // No initializer and no undefined in the type: the constructor writes it, through the setter.
    expect(lines.at(-1)).toBe('    #parent!: WeakRef<TreeNode> | null;');
    expect(renderWeakParentMembers({ ...base, initializer: 'null' }, '  ')).toMatch(/\n  #parent: WeakRef<TreeNode> \| null = null;$/);
  });

  it('writes no setter for a readonly field and marks the store readonly', () => {
    const text = renderWeakParentMembers({ ...base, readonly: true, undefinable: true, nullable: false }, '  ');
    expect(text).not.toContain('set parent');
    expect(text).toContain('readonly #parent: WeakRef<TreeNode> | undefined;');
  });

  it('emits plain JavaScript, and no store declaration when asked not to', () => {
    const text = renderWeakParentMembers(
      { ...base, typescript: false, storage: 'underscore', undefinable: true, declareStore: false, targetType: undefined },
      '  ',
    );
    expect(text).not.toMatch(/:\s*(?:TreeNode|WeakRef)/);
    expect(text).toContain('this._parentRef = value == null ? value : new WeakRef(value);');
    expect(text).not.toMatch(/^\s*_parentRef/m);
  });

  it('puts function types in parentheses before adding the empty types', () => {
    const text = renderWeakParentMembers({ ...base, targetType: '() => TreeNode' }, '  ');
    expect(text).toContain('get parent(): (() => TreeNode) | null {');
    expect(text).toContain('#parent!: WeakRef<() => TreeNode> | null;');
  });

  it('names class and field in the ReferenceError and escapes quotes', () => {
    const text = renderWeakParentMembers({ ...base, className: "Odd'Name" }, '  ');
    expect(text).toContain("throw new ReferenceError('Odd\\'Name.parent is no longer available");
  });

  it('puts spaces inside parentheses of code, not of strings, when the style asks for it', () => {
    const field: WeakParentField = { ...base, className: '(anonymous class)', style: { spaceInParens: true } };
    const text = renderWeakParentMembers(field, '  ');
    expect(text).toContain('if ( ref == null ) return ref;');
    expect(text).toContain('set parent( value: TreeNode | null ) {');
    expect(text).toContain('const target = ref.deref();');
    expect(text).toContain("throw new ReferenceError( '(anonymous class).parent is no longer available: the object it referred to has been garbage-collected.' );");
    expect(renderWeakParentMembers({ ...field, style: {} }, '  ')).toContain('if (ref == null) return ref;');
    // A value written in that style already comes back as it was.
    expect(renderWeakParentStoreWrite(field, 'make( a )')).toBe(
      'this.#parent = ( ( value: TreeNode | null ): WeakRef<TreeNode> | null => ( value == null ? value : new WeakRef( value ) ) )( make( a ) )',
    );
    // Nor does it touch a value that may hold a regular expression.
    expect(renderWeakParentStoreWrite(field, 'find(/(x)/)')).toBe(
      'this.#parent = ((value: TreeNode | null): WeakRef<TreeNode> | null => (value == null ? value : new WeakRef(value)))(find(/(x)/))',
    );
  });
});

describe('renderWeakParentStoreWrite', () => {
  it('keeps empty literals as they are and wraps simple references in place', () => {
    expect(renderWeakParentStoreWrite(base, 'null')).toBe('this.#parent = null');
    expect(renderWeakParentStoreWrite(base, 'parent')).toBe('this.#parent = parent == null ? parent : new WeakRef(parent)');
    // Guarded even for a type without null: `new WeakRef(undefined)` would throw where the field took it.
    expect(renderWeakParentStoreWrite({ ...base, nullable: false }, 'make()')).toBe(
      'this.#parent = ((value: TreeNode): WeakRef<TreeNode> => value == null ? value : new WeakRef(value))(make())',
    );
  });

  it('evaluates a general expression once, through a typed parameter', () => {
    let calls = 0;
    const write = renderWeakParentStoreWrite({ ...base, typescript: false }, 'next()');
    expect(write).toBe('this.#parent = ((value) => value == null ? value : new WeakRef(value))(next())');
    // Run the JS form against a stand-in `this` whose store is a plain property.
    const target: { store?: unknown } = {};
    const next = (): object => {
      calls += 1;
      return {};
    };
    runInNewContext(`(function () { ${write.replace('this.#parent', 'this.store')}; }).call(target)`, { target, next, WeakRef });
    expect(calls).toBe(1);
    expect(target.store).toBeInstanceOf(WeakRef);
    expect(renderWeakParentStoreWrite(base, 'next()')).toBe(
      'this.#parent = ((value: TreeNode | null): WeakRef<TreeNode> | null => value == null ? value : new WeakRef(value))(next())',
    );
  });
});

// A caller with type information (the rule's analysis, later) names the exact fields; the
// transform rewrites those and leaves the other fields of the same names as they are.
describe('transformWithReports with a list of fields to rewrite', () => {
  const source = [
    'export class A {',
    '  parent: A | null = null;',
    '  readonly children: A[] = [];',
    '}',
    'export class Cursor {',
    '  parent: Cursor | null = null;',
    '}',
    '',
  ].join('\n');

  it('rewrites only the listed fields, silently skipping the rest', () => {
    const onlyA = [{ fieldName: 'parent', start: source.indexOf('parent: A') }];
    const result = transformWithReports({ path: 'tree.ts', source }, {}, onlyA);
    expect(result.rewritten).toBe(1);
    expect(result.output).toContain('get parent(): A | null {');
    expect(result.output).toContain('export class Cursor {\n  parent: Cursor | null = null;\n}');
    expect(result.reports.filter((report) => report.kind === 'left-alone')).toEqual([]);
    // Without the list both are rewritten.
    expect(transformWithReports({ path: 'tree.ts', source }, {}).rewritten).toBe(2);
  });
});
