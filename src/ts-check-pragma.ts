/**
 * Whether a JavaScript file asks TypeScript to check it, read from its text the way TypeScript's
 * parser reads the pragma (without loading TypeScript: the weak-parent codemod's default mode
 * runs without it). Shared by the codemod and no-strong-parent-reference's rewrite.
 */

/** A single-line comment that is a pragma: `// @name` or `/// @name`, the name ending at a space, `:` or the end. */
const SINGLE_LINE_PRAGMA = /^\/\/\/?\s*@([^\s:]+)(?:[^\S\r\n]|:|$)/;
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/**
 * `true` when the last `// @ts-check` or `// @ts-nocheck` among the comments before the first
 * token is `@ts-check`, `false` when it is `@ts-nocheck`, undefined when there is neither (the
 * project's `checkJs` decides). As in TypeScript: only single-line comments count (`/* @ts-check
 * *\/` does not), the name is matched without regard to case, and a shebang line is skipped.
 */
export function typeCheckPragma(text: string): boolean | undefined {
  let position = 0;
  let found: boolean | undefined;
  if (text.startsWith('#!')) position = lineEnd(text, 0);
  for (;;) {
    while (position < text.length && /\s/.test(text.charAt(position))) position += 1;
    if (text.startsWith('//', position)) {
      const end = lineEnd(text, position);
      const name = SINGLE_LINE_PRAGMA.exec(text.slice(position, end))?.[1]?.toLowerCase();
      if (name === 'ts-check') found = true;
      else if (name === 'ts-nocheck') found = false;
      position = end;
    } else if (text.startsWith('/*', position)) {
      const close = text.indexOf('*/', position + 2);
      position = close === -1 ? text.length : close + 2;
    } else {
      return found;
    }
  }
}

/** Where the line that `from` is on ends, searched from `from` without copying the rest of the text. */
function lineEnd(text: string, from: number): number {
  LINE_BREAK.lastIndex = from;
  const match = LINE_BREAK.exec(text);
  return match === null ? text.length : match.index;
}
