import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { findBackReferences } from '../src/back-references.js';
import { REWRITE_REFUSALS } from '../src/weak-parent-refusals.js';
import { renderWeakParentMembers } from '../src/weak-parent-rewrite.js';

// The analysis behind no-strong-parent-reference, used the way the weak-parent codemod uses it:
// a TypeScript program and a source file, no ESLint.
const source = `export class Panel {
  readonly widgets: Widget[] = [];
}
export class Widget {
  parent: Panel | null = null;
  constructor(readonly container: Panel) {}
}
export class Cursor {
  parent: Cursor | null = null;
}
`;

function programOf(files: Record<string, string>, settings: ts.CompilerOptions = {}): ts.Program {
  const options: ts.CompilerOptions = { ...settings, strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.es2021.weakref.d.ts'], types: [], noEmit: true };
  const host = ts.createCompilerHost(options);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion) => {
    const text = files[fileName];
    return text === undefined ? original(fileName, languageVersion) : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  return ts.createProgram(Object.keys(files), { ...options, ...settings }, host);
}

describe('findBackReferences', () => {
  const program = programOf({ 'tree.ts': source });
  const file = program.getSourceFile('tree.ts');
  if (file === undefined) throw new Error('tree.ts is not in the program');
  const references = findBackReferences(program, file);

  it('reports the fields that point up at a holder, and not a parent chain without a downward half', () => {
    expect(references.map((reference) => `${reference.owner}.${reference.property}`)).toEqual(['Widget.parent', 'Widget.container']);
    expect(references[0]?.kind).toBe('parent');
    expect(references[0]?.downward).toEqual({ target: 'Panel', holder: 'Panel', property: 'widgets', held: 'Widget' });
  });

  it('gives the rewrite of a field as an edit that keeps the program compiling', () => {
    const rewrite = references[0]?.rewrite;
    if (rewrite?.offered !== true) throw new Error('no rewrite offered for Widget.parent');
    expect(rewrite.field).toMatchObject({ className: 'Widget', fieldName: 'parent', nullable: true, targetType: 'Panel', initializer: 'null' });
    expect(rewrite.text).toBe(renderWeakParentMembers(rewrite.field, '  '));
    expect(source.slice(rewrite.start, rewrite.end)).toBe('parent: Panel | null = null;');
    const rewritten = source.slice(0, rewrite.start) + rewrite.text + source.slice(rewrite.end);
    const after = programOf({ 'tree.ts': rewritten });
    expect(ts.getPreEmitDiagnostics(after).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
  });

  it('casts the empty store where strictNullChecks is off, so the rewrite still compiles there', () => {
    const loose = { strictNullChecks: false };
    const looseProgram = programOf({ 'tree.ts': source }, loose);
    const looseFile = looseProgram.getSourceFile('tree.ts');
    if (looseFile === undefined) throw new Error('tree.ts is not in the program');
    const rewrite = findBackReferences(looseProgram, looseFile)[0]?.rewrite;
    if (rewrite?.offered !== true) throw new Error('no rewrite offered for Widget.parent');
    expect(rewrite.text).toContain('if (ref == null) return ref as null;');
    const diagnosticsOf = (text: string): string[] =>
      ts.getPreEmitDiagnostics(programOf({ 'tree.ts': source.slice(0, rewrite.start) + text + source.slice(rewrite.end) }, loose)).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnosticsOf(rewrite.text)).toEqual([]);
    // The control: the getter and setter the strict program gets do not compile here.
    expect(diagnosticsOf(renderWeakParentMembers({ ...rewrite.field, emptyCast: false }, '  ')).length).toBeGreaterThan(0);
  });

  it('refuses a field whose type names several kinds of object', () => {
    const kinds = programOf({
      'kinds.ts': 'export class Folder { readonly entries: Entry[] = []; }\nexport class FolderLink { constructor(readonly path: string) {} }\nexport class Entry { parent: Folder | FolderLink | null = null; }\n',
    });
    const kindsFile = kinds.getSourceFile('kinds.ts');
    if (kindsFile === undefined) throw new Error('kinds.ts is not in the program');
    const [reference] = findBackReferences(kinds, kindsFile);
    expect(reference?.property).toBe('parent');
    expect(reference?.rewrite).toEqual({ offered: false, refusal: 'several-kinds', reason: `${REWRITE_REFUSALS['several-kinds']} (\`Folder | FolderLink\`)` });
  });

  it('gives the reason where the rewrite is refused', () => {
    expect(references[1]?.rewrite).toEqual({
      offered: false,
      refusal: 'parameter-property',
      reason: REWRITE_REFUSALS['parameter-property'],
    });
  });

  it('answers from its cache for the same program, options and file', () => {
    expect(findBackReferences(program, file)).toBe(references);
    expect(findBackReferences(program, file, { backReferenceNames: ['parent'] })).not.toBe(references);
  });

  it('takes the rule\'s options: names decide 1:1 pairs, ignore drops types', () => {
    const peers = programOf({ 'peers.ts': 'export class Doc { body: Body | null = null; }\nexport class Body { ownerDocument: Doc | null = null; }\n' });
    const peerFile = peers.getSourceFile('peers.ts');
    if (peerFile === undefined) throw new Error('peers.ts is not in the program');
    expect(findBackReferences(peers, peerFile).map((reference) => [reference.property, reference.kind])).toEqual([['ownerDocument', 'peer']]);
    // Only the name orients a 1:1 pair, so neither side is rewritten.
    expect(findBackReferences(peers, peerFile)[0]?.rewrite).toEqual({ offered: false, refusal: 'peer', reason: REWRITE_REFUSALS.peer });
    expect(findBackReferences(peers, peerFile, { backReferenceNames: ['body'] }).map((reference) => reference.property)).toEqual(['body']);
    expect(findBackReferences(program, file, { ignore: ['Panel'] })).toEqual([]);
  });

  it('offers the rewrite of a field that a subclass inherits through a generic base, whatever the checker resolved first', () => {
    const text = `export class Node<T = unknown> {
  value: T | undefined;
  parent: Group | null = null;
}
export class Group extends Node<string> {
  readonly children: Node[] = [];
}
`;
    const generic = programOf({ 'generic.ts': text });
    const genericFile = generic.getSourceFile('generic.ts');
    const group = genericFile?.statements[1];
    if (genericFile === undefined || group === undefined) throw new Error('generic.ts is not in the program');
    // Resolving the subclass's members before the field's type makes the checker give Group a
    // copy of the inherited field's symbol instead of the symbol itself.
    const checker = generic.getTypeChecker();
    checker.getPropertiesOfType(checker.getTypeAtLocation(group));
    const [reference] = findBackReferences(generic, genericFile);
    expect(reference?.property).toBe('parent');
    expect(reference?.rewrite.offered).toBe(true);
  });

  it('names the store after the storage it is asked for', () => {
    const underscore = findBackReferences(program, file, { storage: 'underscore' })[0]?.rewrite;
    expect(underscore?.offered === true ? underscore.text : '').toContain('private _parentRef');
  });
});
