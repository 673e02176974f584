// typeCheckPragma against TypeScript's own reading of the same texts: the parser records the
// pragma on the source file (an internal property, used here only as the oracle).
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { typeCheckPragma } from '../src/ts-check-pragma.js';

function typescriptReads(text: string): boolean | undefined {
  const file = ts.createSourceFile('file.js', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS) as ts.SourceFile & {
    checkJsDirective?: { enabled: boolean };
  };
  return file.checkJsDirective?.enabled;
}

const cases: [string, string, boolean | undefined][] = [
  ['a line comment first', '// @ts-check\nclass A {}', true],
  ['after a shebang and a block comment', '#!/usr/bin/env node\n/* eslint-disable */\n// @ts-check\nx();', true],
  ['only before the first token', 'class A {}\n// @ts-check\n', undefined],
  ['no pragma', '/** A module. */\nexport {};', undefined],
  ['@ts-nocheck', '// @ts-nocheck\nclass A {}', false],
  ['the last of the two wins: nocheck', '// @ts-check\n// @ts-nocheck\nclass A {}', false],
  ['the last of the two wins: check', '// @ts-nocheck\n// @ts-check\nclass A {}', true],
  ['a block comment does not count', '/* @ts-check */\nclass A {}', undefined],
  ['a JSDoc block does not count', '/**\n * @ts-nocheck\n */\nclass A {}', undefined],
  ['words before the name', '// see @ts-check\nclass A {}', undefined],
  ['words after the name', '// @ts-check: the build checks this file\nclass A {}', true],
  ['a longer name', '// @ts-checked\nclass A {}', undefined],
  ['any case', '// @TS-Check\nclass A {}', true],
  ['three slashes', '/// @ts-nocheck\nclass A {}', false],
  ['spaces and CRLF line ends', '  //   @ts-check  \r\n\r\nclass A {}', true],
  ['an empty file', '', undefined],
];

describe('typeCheckPragma', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(typeCheckPragma(text)).toBe(expected);
    expect(typescriptReads(text)).toBe(expected);
  });
});
