/**
 * JSDoc as TypeScript reads it in JavaScript files, from the text: the `@type {…}` of the comment
 * right above a declaration (whether a file asks to be checked is src/ts-check-pragma.ts).
 * Read from the text because not every parser attaches comments to nodes.
 */
import { lineIndent } from './positions.js';

/**
 * The text between the braces of the `@type {…}` tag in the `/** … *\/` comment that ends right
 * above `offset` (only whitespace between them, the comment on lines of its own), or undefined.
 */
export function jsdocTypeBefore(source: string, offset: number): string | undefined {
  const comment = jsdocCommentBefore(source, offset);
  const tag = comment === undefined ? null : /@type\s*\{/.exec(comment);
  if (comment === undefined || !tag) return undefined;
  let depth = 1;
  const from = tag.index + tag[0].length;
  for (let index = from; index < comment.length; index += 1) {
    const char = comment.charAt(index);
    if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return comment.slice(from, index).replace(/\s*\n\s*\*?\s*/g, ' ').trim();
    }
  }
  return undefined;
}

/**
 * The `/** … *\/` comment that ends right above `offset`, on lines of its own, with only
 * whitespace (or text that `skip` matches, such as an `export` keyword) between them.
 */
function jsdocCommentBefore(source: string, offset: number, skip?: RegExp): string | undefined {
  let before = offset;
  while (before > 0 && /\s/.test(source.charAt(before - 1))) before -= 1;
  const skipped = skip?.exec(source.slice(Math.max(0, before - 40), before))?.[0];
  if (skipped) {
    before -= skipped.length;
    while (before > 0 && /\s/.test(source.charAt(before - 1))) before -= 1;
  }
  if (!source.startsWith('*/', before - 2)) return undefined;
  const open = source.lastIndexOf('/*', before - 2);
  if (open === -1 || !source.startsWith('/**', open) || !lineIndent(source, open).alone) return undefined;
  return source.slice(open, before);
}

/**
 * The members of a union type written in JSDoc (`A | B<C | D> | null`), split only at top-level
 * `|`, each trimmed and without enclosing parentheses; undefined when brackets do not match.
 */
export function jsdocUnionParts(typeText: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let index = 0; index < typeText.length; index += 1) {
    const char = typeText.charAt(index);
    if ('<([{'.includes(char)) depth += 1;
    else if ('>)]}'.includes(char)) {
      // `=>` in a function type closes nothing.
      if (char === '>' && typeText.charAt(index - 1) === '=') continue;
      depth -= 1;
      if (depth < 0) return undefined;
    } else if (char === '|' && depth === 0) {
      parts.push(typeText.slice(from, index));
      from = index + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(typeText.slice(from));
  const trimmed = parts.map((part) => part.trim());
  if (trimmed.some((part) => part === '')) return undefined;
  return trimmed.flatMap((part) => {
    const inner = /^\((.*)\)$/s.exec(part)?.[1];
    // `(A | B)` is a group; `(a) => (b)` is not, and its inside does not balance.
    return (inner === undefined ? undefined : jsdocUnionParts(inner)) ?? [part];
  });
}

/** The names a class's JSDoc declares with `@template` (`@template T, U`, `@template {object} T`). */
export function jsdocTemplateNames(source: string, offset: number): Set<string> {
  const names = new Set<string>();
  const comment = jsdocCommentBefore(source, offset, /\bexport(?:\s+default)?$/);
  if (comment === undefined) return names;
  for (const match of comment.matchAll(/@template\s+(?:\{[^}]*\}\s*)?([A-Za-z_$][\w$]*(?:\s*,\s*[A-Za-z_$][\w$]*)*)/g)) {
    for (const name of (match[1] ?? '').split(',')) names.add(name.trim());
  }
  return names;
}
