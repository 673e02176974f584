/**
 * 1:1 pairs in the name-based mode: a class that keeps `parent` and `child` as single references
 * of the same kind (an extension and the one extension derived from it) is no tree whose parent
 * holds its children. Which half owns the other is said by nothing but the names, and the half
 * named `parent` is often the one that must stay strong (the derived object inherits from it and
 * is all that keeps it alive). The type-aware mode refuses such fields for the same reason.
 */
import { child, FIELD_TYPES, lineOf, memberName, text, type AstNode } from '../lib/ast.js';
import { findParameterProperty, parameterIdentifier } from './constructor.js';
import { analyseType } from './types.js';

/** The name of the downward half of `fieldName`: `parent` → `child`, `parentNode` → `childNode`. */
export function counterpartName(fieldName: string): string | undefined {
  if (!/parent/i.test(fieldName)) return undefined;
  return fieldName.replace(/parent/g, 'child').replace(/Parent/g, 'Child').replace(/PARENT/g, 'CHILD');
}

const COLLECTION_CONSTRUCTORS = new Set(['Array', 'Set', 'Map', 'WeakSet', 'WeakMap']);

/** A value that is a collection (or a record of them), not one object: `[]`, `{}`, `new Set()`. */
function isCollectionValue(node: AstNode | undefined): boolean {
  if (!node) return false;
  if (node.type === 'ArrayExpression' || node.type === 'ObjectExpression') return true;
  if (node.type === 'NewExpression' || node.type === 'CallExpression') {
    const callee = child(node, 'callee');
    const name = callee?.type === 'Identifier' ? text(callee, 'name') : undefined;
    return name !== undefined && COLLECTION_CONSTRUCTORS.has(name);
  }
  return false;
}

export interface Counterpart {
  field: string;
  line: number;
}

/**
 * The single-valued downward half of `fieldName` in the class, if it has one: a field, parameter
 * property or (JavaScript) assigned member named by `counterpartName`, whose declared type names
 * the same kind as the parent's (`parent: Extendable | null` beside `child: Extendable | null`),
 * or, untyped, none of whose values is a collection.
 */
export function singleCounterpart(
  source: string,
  members: readonly AstNode[],
  constructorMember: AstNode | undefined,
  writes: ReadonlyMap<string, readonly AstNode[]>,
  fieldName: string,
  parentTypeNames: readonly string[] | undefined,
): Counterpart | undefined {
  const name = counterpartName(fieldName);
  if (name === undefined || name === fieldName) return undefined;
  const declaration = members.find((member) => FIELD_TYPES.has(member.type) && memberName(member) === name);
  const parameterProperty = constructorMember ? findParameterProperty(constructorMember, name) : undefined;
  const assigned = writes.get(name) ?? [];
  const subject = declaration ?? parameterProperty ?? assigned[0];
  if (!subject) return undefined;
  const typed = parameterProperty ? parameterIdentifier(parameterProperty) : declaration;
  const annotation = child(typed, 'typeAnnotation');
  if (annotation && parentTypeNames !== undefined) {
    const verdict = analyseType(source, annotation, false, new Map());
    if (!verdict.ok) return undefined;
    return verdict.type.names.some((kind) => parentTypeNames.includes(kind)) ? { field: name, line: lineOf(subject) } : undefined;
  }
  const values = [child(declaration, 'value'), ...assigned.map((write) => child(write, 'right'))];
  return values.some(isCollectionValue) ? undefined : { field: name, line: lineOf(subject) };
}

