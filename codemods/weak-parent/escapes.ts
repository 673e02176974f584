/**
 * How the children of a rewritten class reach code outside it. A caller that keeps such a
 * child and lets the tree go will meet the collected case, which was impossible with a strong
 * field: for a library that is an API change, and the user is told so before anything is written.
 */
import {
  FIELD_TYPES,
  FUNCTION_TYPES,
  METHOD_TYPES,
  child,
  flag,
  forEachChild,
  memberName,
  methodFunction,
  methodKind,
  sourceOf,
  text,
  classMembers,
  type AstNode,
} from '../lib/ast.js';

/** Names that hold children in the trees people write (DOM, ASTs, command trees, containers). */
const CHILD_COLLECTION = /^_*(?:child|children|childNodes|kids|nodes|items|elements|entries|commands|subcommands|containers|scopes)$/i;

function isPublic(member: AstNode): boolean {
  const accessibility = text(member, 'accessibility');
  if (accessibility === 'private' || accessibility === 'protected') return false;
  if (flag(member, 'static')) return false;
  const key = child(member, 'key');
  if (key?.type === 'PrivateName' || key?.type === 'PrivateIdentifier') return false;
  const name = memberName(member);
  return name !== undefined && !name.startsWith('_');
}

function mentionsAny(textToSearch: string, names: readonly string[]): boolean {
  return names.some((name) => new RegExp(`(?:^|[^\\w$])${name.replace(/\$/g, '\\$')}(?:$|[^\\w$])`).test(textToSearch));
}

/**
 * `this.children`, `this.children[i]`, `this.children.at(-1)`, `this.children.find(…)` and the
 * like hand out nodes; `this.children.length > 0` or `.join('')` do not.
 */
function handsOutElements(returned: string, collection: string): boolean {
  const head = `this.${collection}`;
  if (!returned.startsWith(head)) return false;
  const rest = returned.slice(head.length).replace(/\s*(?:\|\||\?\?)\s*(?:null|undefined)$/, '');
  return rest === '' || /^\[[^\]]*\]$/.test(rest) || /^\.(?:at|find|findLast|slice|filter|values|get|concat|toArray)\(.*\)$/s.test(rest);
}

/** `return` arguments of a method body, not of functions nested in it. */
function returnedExpressions(fn: AstNode): AstNode[] {
  const found: AstNode[] = [];
  const visit = (node: AstNode): void => {
    if (FUNCTION_TYPES.has(node.type) || node.type === 'ArrowFunctionExpression') return;
    if (node.type === 'ReturnStatement') {
      const argument = child(node, 'argument');
      if (argument) found.push(argument);
    }
    forEachChild(node, visit);
  };
  const body = child(fn, 'body');
  if (body) forEachChild(body, visit);
  return found;
}

/**
 * Public members that hand out nodes: a public children collection, and methods or getters whose
 * declared return type names a node type, or that return the children collection or a new node.
 */
export function childEscapes(
  source: string,
  classNode: AstNode,
  className: string,
  nodeTypes: readonly string[],
  backReferences: readonly string[],
  assignedNames: Iterable<string> = [],
): string[] {
  const names = [...new Set([className, ...nodeTypes].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)))];
  const collections = new Set<string>();
  const escapes: string[] = [];
  // A JavaScript class often only assigns its collections in the constructor: `this.childNodes = []`.
  for (const name of assignedNames) {
    if (!CHILD_COLLECTION.test(name) || backReferences.includes(name) || collections.has(name)) continue;
    collections.add(name);
    if (!name.startsWith('_') && !name.startsWith('#')) escapes.push(`public \`${name}\``);
  }
  for (const member of classMembers(classNode)) {
    const name = memberName(member);
    if (name === undefined || !FIELD_TYPES.has(member.type) || backReferences.includes(name) || collections.has(name)) continue;
    const annotation = child(member, 'typeAnnotation');
    if (CHILD_COLLECTION.test(name) || (annotation !== undefined && mentionsAny(sourceOf(source, annotation), names))) {
      collections.add(name);
      if (isPublic(member)) escapes.push(`public \`${name}\``);
    }
  }
  for (const member of classMembers(classNode)) {
    if (!METHOD_TYPES.has(member.type) || !isPublic(member)) continue;
    const kind = methodKind(member);
    if (kind === 'constructor' || kind === 'set') continue;
    const name = memberName(member) ?? '';
    if (backReferences.includes(name)) continue;
    const fn = methodFunction(member);
    const returnType = child(fn, 'returnType') ?? child(member, 'returnType');
    const byType = returnType !== undefined && mentionsAny(sourceOf(source, returnType), names);
    const byValue = returnedExpressions(fn).some((expression) => {
      const returned = sourceOf(source, expression).trim();
      return [...collections].some((collection) => handsOutElements(returned, collection)) || names.some((node) => returned.startsWith(`new ${node}(`));
    });
    if (byType || byValue) escapes.push(kind === 'get' ? `getter \`${name}\`` : `\`${name}()\``);
  }
  return escapes;
}
