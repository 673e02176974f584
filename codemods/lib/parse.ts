/**
 * Parsing for transforms: the parser per file, and parse errors as `path:line:column:` errors
 * that the CLI and jscodeshift both show as they are.
 */
import getParser from 'jscodeshift/src/getParser.js';

import { asNode, type AstNode } from './ast.js';

export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
export const KNOWN_PARSERS: readonly string[] = ['babel', 'babylon', 'flow', 'ts', 'tsx'];

/** A file could not be parsed; the message starts with `path:line:column:`. */
export class SourceParseError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(path: string, line: number, column: number, reason: string) {
    super(`${path}:${String(line)}:${String(column)}: cannot parse: ${reason}`);
    this.name = 'SourceParseError';
    this.line = line;
    this.column = column;
  }
}

export function extensionOf(path: string): string {
  const match = /\.[^./\\]+$/.exec(path);
  return match ? match[0].toLowerCase() : '';
}

export function isTypeScriptPath(path: string): boolean {
  return TYPESCRIPT_EXTENSIONS.has(extensionOf(path));
}

export function isSourcePath(path: string): boolean {
  return SOURCE_EXTENSIONS.includes(extensionOf(path));
}

/** Declaration files hold no code to rewrite, and accessors with bodies are not allowed there. */
export function isDeclarationFile(path: string): boolean {
  return /\.d\.[cm]?tsx?$/i.test(path) || /\.d\.[^.]+\.ts$/i.test(path);
}

/**
 * The parser for a file: an explicit `parser` option wins, except jscodeshift's default
 * `babel`, which cannot read TypeScript; otherwise ts/tsx from the extension, babel for JS.
 */
export function parserForPath(path: string, requested?: unknown): string {
  if (typeof requested === 'string' && requested !== 'babel' && KNOWN_PARSERS.includes(requested)) return requested;
  const extension = extensionOf(path);
  if (extension === '.tsx') return 'tsx';
  if (TYPESCRIPT_EXTENSIONS.has(extension)) return 'ts';
  return 'babel';
}

export type Parse = (source: string) => AstNode;

/**
 * A parse function for `path` that returns jscodeshift's raw Babel tree (exact offsets) and
 * throws SourceParseError; `what` prefixes the reason (e.g. for re-parsing a transform's output).
 */
export function parserFor(path: string, requested?: unknown): (source: string, what?: string) => AstNode {
  const parser = getParser(parserForPath(path, requested));
  return (source, what = '') => {
    try {
      return asNode(parser.parse(source)) ?? { type: 'File' };
    } catch (error) {
      const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
      const line = typeof loc?.line === 'number' ? loc.line : 1;
      const column = typeof loc?.column === 'number' ? loc.column + 1 : 1;
      const reason = error instanceof Error ? error.message : String(error);
      throw new SourceParseError(path, line, column, `${what}${reason}`);
    }
  };
}
