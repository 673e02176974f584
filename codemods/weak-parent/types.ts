/** Field types, from TypeScript annotations or JSDoc: what the WeakRef refers to, and whether it can only be an object. */
import type { WeakParentRefusal } from '../../src/weak-parent-refusals.js';
import { asNode, child, children, end, get, start, text, type AstNode } from '../lib/ast.js';
import { jsdocUnionParts } from '../lib/jsdoc.js';

export interface TargetType {
  text: string;
  /** Names of the referenced types, e.g. `TreeNode` for `TreeNode<T>`. */
  names: string[];
  /** How many object types the union names (`A | B | null`: 2). */
  kinds: number;
  nullable: boolean;
  undefinable: boolean;
}

export type TypeVerdict = { ok: true; type: TargetType } | { ok: false; silent: boolean; refusal: WeakParentRefusal };

const PRIMITIVE_WRAPPERS = new Set(['String', 'Number', 'Boolean', 'Symbol', 'BigInt']);
const OBJECT_TYPE_NODES = new Set([
  'TSTypeLiteral',
  'TSFunctionType',
  'TSConstructorType',
  'TSArrayType',
  'TSTupleType',
  'TSTypeQuery',
  'TSImportType',
  'TSObjectKeyword',
  'TSMappedType',
]);

function unwrapParens(node: AstNode | undefined): AstNode | undefined {
  let current = node;
  while (current?.type === 'TSParenthesizedType') current = child(current, 'typeAnnotation');
  return current;
}

export function typeParameterName(param: AstNode): string | undefined {
  const name = get(param, 'name');
  if (typeof name === 'string') return name;
  return text(asNode(name), 'name');
}

function typeReferenceName(node: AstNode): string | undefined {
  const typeName = child(node, 'typeName');
  return typeName?.type === 'Identifier' ? text(typeName, 'name') : undefined;
}

/** Whether values of the type are always objects, as WeakRef requires. */
function isObjectType(node: AstNode | undefined, typeParams: Map<string, AstNode | undefined>, depth = 0): boolean {
  const type = unwrapParens(node);
  if (!type || depth > 8) return false;
  if (OBJECT_TYPE_NODES.has(type.type)) return true;
  switch (type.type) {
    case 'TSTypeReference': {
      const name = typeReferenceName(type);
      if (name === undefined) return true; // qualified names: namespaces export classes far more than primitives
      if (PRIMITIVE_WRAPPERS.has(name)) return false;
      if (typeParams.has(name)) {
        const constraint = typeParams.get(name);
        return constraint !== undefined && isObjectType(constraint, typeParams, depth + 1);
      }
      return true;
    }
    case 'TSIntersectionType':
      return children(type, 'types').some((part) => isObjectType(part, typeParams, depth + 1));
    case 'TSUnionType':
      return children(type, 'types').every((part) => isObjectType(part, typeParams, depth + 1));
    case 'TSTypeOperator':
      return text(type, 'operator') === 'readonly' && isObjectType(child(type, 'typeAnnotation'), typeParams, depth + 1);
    default:
      return false;
  }
}

function isWeakRefType(node: AstNode | undefined): boolean {
  const type = unwrapParens(node);
  if (type?.type !== 'TSTypeReference') return false;
  const name = typeReferenceName(type);
  return name === 'WeakRef';
}

export function analyseType(
  source: string,
  annotation: AstNode | undefined,
  optional: boolean,
  typeParams: Map<string, AstNode | undefined>,
): TypeVerdict {
  const type = unwrapParens(child(annotation, 'typeAnnotation'));
  if (!type) {
    return { ok: false, silent: false, refusal: { kind: 'untyped' } };
  }
  const parts = type.type === 'TSUnionType' ? children(type, 'types').map((part) => unwrapParens(part) ?? part) : [type];
  let nullable = false;
  let undefinable = optional;
  const targets: AstNode[] = [];
  for (const part of parts) {
    if (part.type === 'TSNullKeyword') nullable = true;
    else if (part.type === 'TSUndefinedKeyword') undefinable = true;
    else targets.push(part);
  }
  if (targets.some(isWeakRefType)) return { ok: false, silent: true, refusal: { kind: 'untyped' } };
  if (targets.length === 0 || !targets.every((target) => isObjectType(target, typeParams))) {
    const typeText = source.slice(start(type), end(type));
    return { ok: false, silent: false, refusal: { kind: 'not-object-type', typeText } };
  }
  const textParts = targets.map((target) => source.slice(start(target), end(target)));
  const names = targets.flatMap((target) => {
    const name = target.type === 'TSTypeReference' ? typeReferenceName(target) : undefined;
    return name === undefined ? [] : [name];
  });
  return { ok: true, type: { text: textParts.join(' | '), names, kinds: targets.length, nullable, undefinable } };
}

const JSDOC_NON_OBJECT = new Set(['string', 'number', 'boolean', 'symbol', 'bigint', 'any', 'unknown', 'never', 'void', '*', '?', 'Object', 'true', 'false']);
const JSDOC_NAME = /^([A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*)*(?:<.*>)?(?:\[\])*$/s;

/**
 * The same answer as `analyseType` for a JavaScript field typed by JSDoc (`@type {Node | null}`),
 * from the text between the tag's braces. `templates` are the class's `@template` names, whose
 * constraint is not read, so a field typed with one is not known to hold objects.
 */
export function analyseJsdocType(typeText: string, templates: ReadonlySet<string>): TypeVerdict {
  const parts = jsdocUnionParts(typeText);
  if (parts === undefined) return { ok: false, silent: false, refusal: { kind: 'not-object-type', typeText } };
  let nullable = false;
  let undefinable = false;
  const targets: string[] = [];
  const names: string[] = [];
  for (const written of parts) {
    let part = written;
    // Closure's `?T` (nullable) and `!T` (non-null) prefixes.
    if (part.startsWith('?') && part.length > 1) {
      nullable = true;
      part = part.slice(1).trim();
    } else if (part.startsWith('!')) part = part.slice(1).trim();
    if (part === 'null') nullable = true;
    else if (part === 'undefined') undefinable = true;
    else targets.push(part);
  }
  if (targets.some((part) => /^WeakRef\s*</.test(part))) return { ok: false, silent: true, refusal: { kind: 'untyped' } };
  const objectLike = (part: string): boolean => {
    if (part.startsWith('{') || part.startsWith('function(') || part.startsWith('function (') || part.startsWith('import(')) return true;
    if (part.startsWith('(') && /\)\s*=>/.test(part)) return true;
    const name = JSDOC_NAME.exec(part)?.[1];
    if (name === undefined) return false;
    if (part.endsWith('[]')) return true;
    return !JSDOC_NON_OBJECT.has(name) && !PRIMITIVE_WRAPPERS.has(name) && !templates.has(name);
  };
  if (targets.length === 0 || !targets.every(objectLike)) return { ok: false, silent: false, refusal: { kind: 'not-object-type', typeText } };
  for (const part of targets) {
    const name = /^[A-Za-z_$][\w$]*(?=<|\[|$)/.exec(part)?.[0];
    if (name !== undefined) names.push(name);
  }
  return { ok: true, type: { text: targets.join(' | '), names, kinds: targets.length, nullable, undefinable } };
}
