/**
 * Typed access to raw Babel (and ESTree-flavoured) nodes as jscodeshift's parsers return them.
 *
 * Transforms read the parser's own tree rather than recast's copy: its offsets are exact source
 * indexes, and nothing is built that is not used. Every accessor checks what it hands back, so a
 * node shape a parser did not produce is `undefined`, never a crash.
 */

export interface AstNode {
  type: string;
  start?: number | null;
  end?: number | null;
  range?: [number, number] | null;
  loc?: { start: { line: number; column: number } } | null;
}

const SKIPPED_KEYS = new Set([
  'loc',
  'start',
  'end',
  'range',
  'extra',
  'tokens',
  'comments',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'type',
]);

export const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);
export const CLASS_TYPES: ReadonlySet<string> = new Set(['ClassDeclaration', 'ClassExpression']);
export const FIELD_TYPES: ReadonlySet<string> = new Set(['ClassProperty', 'PropertyDefinition', 'ClassAccessorProperty', 'AccessorProperty']);
export const METHOD_TYPES: ReadonlySet<string> = new Set([
  'ClassMethod',
  'MethodDefinition',
  'TSDeclareMethod',
  'ClassPrivateMethod',
  'TSAbstractMethodDefinition',
]);
export const PRIVATE_FIELD_TYPES: ReadonlySet<string> = new Set(['ClassPrivateProperty']);

export function asNode(value: unknown): AstNode | undefined {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
    ? (value as AstNode)
    : undefined;
}

export function get(node: AstNode | undefined, key: string): unknown {
  return node === undefined ? undefined : (node as unknown as Record<string, unknown>)[key];
}

export function child(node: AstNode | undefined, key: string): AstNode | undefined {
  return asNode(get(node, key));
}

export function children(node: AstNode | undefined, key: string): AstNode[] {
  const value = get(node, key);
  if (!Array.isArray(value)) return [];
  const nodes: AstNode[] = [];
  for (const item of value as unknown[]) {
    const itemNode = asNode(item);
    if (itemNode) nodes.push(itemNode);
  }
  return nodes;
}

export function flag(node: AstNode | undefined, key: string): boolean {
  return get(node, key) === true;
}

export function text(node: AstNode | undefined, key: string): string | undefined {
  const value = get(node, key);
  return typeof value === 'string' ? value : undefined;
}

export function forEachChild(node: AstNode, visit: (childNode: AstNode) => void): void {
  for (const key of Object.keys(node)) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        const itemNode = asNode(item);
        if (itemNode) visit(itemNode);
      }
    } else {
      const valueNode = asNode(value);
      if (valueNode) visit(valueNode);
    }
  }
}

// Babel gives `start`/`end`; ESTree parsers such as flow give `range` instead.
export function start(node: AstNode): number {
  return node.start ?? node.range?.[0] ?? 0;
}

export function end(node: AstNode): number {
  return node.end ?? node.range?.[1] ?? start(node);
}

export function lineOf(node: AstNode): number {
  return node.loc?.start.line ?? 1;
}

export function sourceOf(source: string, node: AstNode): string {
  return source.slice(start(node), end(node));
}

export function isThis(node: AstNode | undefined): boolean {
  return node?.type === 'ThisExpression';
}

export function stringValue(node: AstNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral' || node.type === 'Literal') {
    const value = get(node, 'value');
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

export function privateKeyName(key: AstNode | undefined): string | undefined {
  if (key?.type === 'PrivateName') return text(child(key, 'id'), 'name');
  if (key?.type === 'PrivateIdentifier') return text(key, 'name');
  return undefined;
}

/** The public name of a class member's key, or undefined when computed or private. */
export function memberName(member: AstNode): string | undefined {
  const key = child(member, 'key');
  if (flag(member, 'computed')) return stringValue(key);
  if (key?.type === 'Identifier') return text(key, 'name');
  return stringValue(key);
}

export function memberPrivateName(member: AstNode): string | undefined {
  return privateKeyName(child(member, 'key'));
}

/** `this.name`, `this['name']` or `this.#name` (as `#name`). */
export function thisMemberName(node: AstNode | undefined): string | undefined {
  if (!node || (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression')) return undefined;
  if (!isThis(child(node, 'object'))) return undefined;
  return propertyName(node);
}

/** The property of `x.name`, `x['name']` or `x.#name` (as `#name`), whatever `x` is. */
export function propertyName(node: AstNode): string | undefined {
  const property = child(node, 'property');
  const privateName = privateKeyName(property);
  if (privateName !== undefined) return `#${privateName}`;
  if (flag(node, 'computed')) return stringValue(property);
  return property?.type === 'Identifier' ? text(property, 'name') : undefined;
}

export function methodKind(member: AstNode): string | undefined {
  return text(member, 'kind');
}

/** For estree's MethodDefinition the function is `value`; Babel puts params and body on the member. */
export function methodFunction(member: AstNode): AstNode {
  return member.type === 'MethodDefinition' || member.type === 'TSAbstractMethodDefinition'
    ? (child(member, 'value') ?? member)
    : member;
}

/** Instance and static members of a class node. */
export function classMembers(classNode: AstNode): AstNode[] {
  return children(child(classNode, 'body'), 'body');
}
