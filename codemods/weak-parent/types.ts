/** TypeScript field types: what the WeakRef refers to, and whether it can only be an object. */
import type { WeakParentRefusal } from '../../src/weak-parent-refusals.js';
import { asNode, child, children, end, get, start, text, type AstNode } from '../lib/ast.js';

export interface TargetType {
  text: string;
  /** Names of the referenced types, e.g. `TreeNode` for `TreeNode<T>`. */
  names: string[];
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
  return { ok: true, type: { text: textParts.join(' | '), names, nullable, undefinable } };
}

