/** Positions in source text that respect lines and the comments around code. */
import { start, type AstNode } from './ast.js';

/** The indentation of the line `offset` is on, and whether only whitespace precedes `offset`. */
export function lineIndent(source: string, offset: number): { indent: string; alone: boolean } {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const prefix = source.slice(lineStart, offset);
  const indent = /^[ \t]*/.exec(prefix)?.[0] ?? '';
  return { indent, alone: indent.length === prefix.length };
}

/**
 * Start of a node including the comments right above it, so that text inserted before the node
 * goes above them. Read from the text, because not every parser attaches comments to nodes.
 */
export function startWithComments(source: string, node: AstNode): number {
  let position = start(node);
  for (;;) {
    let before = position;
    while (before > 0 && /\s/.test(source.charAt(before - 1))) before -= 1;
    if (source.startsWith('*/', before - 2)) {
      const open = source.lastIndexOf('/*', before - 2);
      // Only a comment on lines of its own; one that ends a line of code belongs to that code.
      if (open === -1 || !lineIndent(source, open).alone) break;
      position = open;
      continue;
    }
    const lineStart = source.lastIndexOf('\n', before - 1) + 1;
    if (before > lineStart && source.slice(lineStart, before).trimStart().startsWith('//')) {
      position = lineStart + (/^[ \t]*/.exec(source.slice(lineStart, before))?.[0].length ?? 0);
      continue;
    }
    break;
  }
  return position;
}
