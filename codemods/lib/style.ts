/**
 * How a file is written: end of line, indentation unit, quotes and semicolons, read from the
 * file itself (its own habits win over any configuration), with fallbacks from the project's
 * formatter settings (see project-style.ts).
 */
import { child, children, end, forEachChild, start, type AstNode } from './ast.js';

export interface CodeStyle {
  eol: '\n' | '\r\n';
  /** One level of indentation, e.g. two spaces or a tab. */
  indentUnit: string;
  quote: "'" | '"';
  semicolons: boolean;
  /** Lines inserted by a transform stay within this many columns where they can be broken. */
  printWidth: number;
  /** Whether a call whose arguments are broken over lines ends its last argument with a comma. */
  trailingCommaInCalls: boolean;
  /** Whether an object literal over several lines ends its last property with a comma. */
  trailingCommaInObjects: boolean;
  /** Whether calls put a space inside their parentheses: `f( x )` (three.js, jQuery). */
  spaceInParens: boolean;
}

export const DEFAULT_STYLE: CodeStyle = {
  eol: '\n',
  indentUnit: '  ',
  quote: "'",
  semicolons: true,
  printWidth: 80,
  trailingCommaInCalls: true,
  trailingCommaInObjects: true,
  spaceInParens: false,
};

export function detectEol(source: string): '\n' | '\r\n' {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/** The smallest indentation step used, or a tab; undefined when no line is indented. */
export function detectIndentUnit(source: string): string | undefined {
  let smallest = Infinity;
  const lines = source.split('\n', 400);
  for (const line of lines) {
    const match = /^([ \t]+)(\S)/.exec(line);
    if (!match) continue;
    const [, lead = '', first] = match;
    if (first === '*') continue; // continuation lines of block comments
    if (lead.startsWith('\t')) return '\t';
    smallest = Math.min(smallest, lead.length);
  }
  if (smallest === Infinity) return undefined;
  return smallest < 2 ? '  ' : ' '.repeat(Math.min(smallest, 8));
}

const STATEMENT_TYPES = new Set([
  'ExpressionStatement',
  'VariableDeclaration',
  'ReturnStatement',
  'ThrowStatement',
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ClassProperty',
  'PropertyDefinition',
  'ClassPrivateProperty',
  'BreakStatement',
  'ContinueStatement',
]);

export interface CodeHabits {
  quote?: "'" | '"';
  semicolons?: boolean;
  spaceInParens?: boolean;
}

const CALL_TYPES = new Set(['CallExpression', 'NewExpression', 'OptionalCallExpression']);

/**
 * Quotes, semicolons and spaces inside parentheses as the file's code uses them: the majority of
 * string literals (JSX attributes and directives aside, whose quotes formatters set apart), of
 * statements that could end with a semicolon, and of calls with arguments on the line of their
 * `(`. Undefined where the file has none to count.
 */
export function detectCodeHabits(source: string, program: AstNode): CodeHabits {
  let single = 0;
  let double = 0;
  let withSemicolon = 0;
  let without = 0;
  let spacedCalls = 0;
  let tightCalls = 0;
  const visit = (node: AstNode, parentType: string): void => {
    if (CALL_TYPES.has(node.type)) {
      const first = children(node, 'arguments')[0];
      const callee = child(node, 'callee');
      if (first !== undefined && callee !== undefined) {
        const between = source.slice(end(callee), start(first));
        const open = between.lastIndexOf('(');
        const after = open === -1 ? '' : between.slice(open + 1);
        if (open !== -1 && !after.includes('\n') && /^[^\S\n]*$/.test(after)) {
          if (after.length > 0) spacedCalls += 1;
          else tightCalls += 1;
        }
      }
    }
    if ((node.type === 'StringLiteral' || node.type === 'Literal') && parentType !== 'JSXAttribute' && parentType !== 'Directive') {
      const first = source.charAt(start(node));
      if (first === "'") single += 1;
      else if (first === '"') double += 1;
    }
    if (STATEMENT_TYPES.has(node.type) && !(node.type === 'VariableDeclaration' && parentType.startsWith('For'))) {
      const last = source.charAt(end(node) - 1);
      // Exported declarations of functions and classes end with `}` and take no semicolon.
      if (last === ';') withSemicolon += 1;
      else if (last !== '}') without += 1;
    }
    forEachChild(node, (childNode) => {
      visit(childNode, node.type);
    });
  };
  visit(program, '');
  const habits: CodeHabits = {};
  if (single + double > 0) habits.quote = double > single ? '"' : "'";
  if (withSemicolon + without > 0) habits.semicolons = withSemicolon >= without;
  if (spacedCalls + tightCalls > 0) habits.spaceInParens = spacedCalls > tightCalls;
  return habits;
}
