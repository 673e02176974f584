/** What a class does with its own properties: writes, deletes, enumeration, names touched. */
import { CLASS_TYPES, FIELD_TYPES, FUNCTION_TYPES, METHOD_TYPES, PRIVATE_FIELD_TYPES, child, children, flag, forEachChild, isThis, methodFunction, stringValue, text, thisMemberName, type AstNode } from '../lib/ast.js';

export interface ClassUsage {
  /** `this.name = …` and compound assignments, by name. */
  writes: Map<string, AstNode[]>;
  deletes: Map<string, AstNode[]>;
  /** Code that enumerates or copies the instance's own properties. */
  enumerations: { node: AstNode; what: string }[];
  /** Names read or written as `this.x` (private ones as `#x`). */
  touched: Set<string>;
}

const ENUMERATING_CALLS = new Map<string, Set<string>>([
  ['Object', new Set(['keys', 'values', 'entries', 'assign', 'getOwnPropertyNames', 'getOwnPropertyDescriptors', 'hasOwn'])],
  ['Reflect', new Set(['ownKeys'])],
  ['JSON', new Set(['stringify'])],
]);

function calleeText(callee: AstNode | undefined): string | undefined {
  if (!callee) return undefined;
  if (callee.type === 'Identifier') return text(callee, 'name');
  if (callee.type === 'MemberExpression' && !flag(callee, 'computed')) {
    const object = child(callee, 'object');
    const property = child(callee, 'property');
    if (object?.type === 'Identifier' && property?.type === 'Identifier') {
      return `${text(object, 'name') ?? ''}.${text(property, 'name') ?? ''}`;
    }
  }
  return undefined;
}

export function collectUsage(classNode: AstNode): ClassUsage {
  const usage: ClassUsage = { writes: new Map(), deletes: new Map(), enumerations: [], touched: new Set() };
  const add = (map: Map<string, AstNode[]>, name: string, node: AstNode): void => {
    const list = map.get(name);
    if (list) list.push(node);
    else map.set(name, [node]);
  };

  const visit = (node: AstNode): void => {
    // Functions and classes inside the class body bind their own `this`.
    if (FUNCTION_TYPES.has(node.type) || CLASS_TYPES.has(node.type)) return;
    switch (node.type) {
      case 'AssignmentExpression': {
        const name = thisMemberName(child(node, 'left'));
        if (name !== undefined) add(usage.writes, name, node);
        break;
      }
      case 'UnaryExpression': {
        const name = text(node, 'operator') === 'delete' ? thisMemberName(child(node, 'argument')) : undefined;
        if (name !== undefined) add(usage.deletes, name, node);
        break;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const name = thisMemberName(node);
        if (name !== undefined) usage.touched.add(name);
        break;
      }
      case 'CallExpression': {
        const callee = calleeText(child(node, 'callee'));
        const args = children(node, 'arguments');
        if (callee !== undefined && args.some(isThis)) {
          const [objectName, method] = callee.split('.');
          if (
            callee === 'structuredClone' ||
            (objectName !== undefined && method !== undefined && ENUMERATING_CALLS.get(objectName)?.has(method) === true)
          ) {
            usage.enumerations.push({ node, what: `${callee}(this)` });
          }
        }
        break;
      }
      case 'SpreadElement':
      case 'SpreadProperty':
        if (isThis(child(node, 'argument'))) usage.enumerations.push({ node, what: '...this' });
        break;
      case 'ForInStatement':
        if (isThis(child(node, 'right'))) usage.enumerations.push({ node, what: 'for (… in this)' });
        break;
      default:
        break;
    }
    forEachChild(node, visit);
  };

  for (const member of children(child(classNode, 'body'), 'body')) {
    if (flag(member, 'static') || member.type === 'StaticBlock') continue;
    if (METHOD_TYPES.has(member.type)) {
      const fn = methodFunction(member);
      for (const param of children(fn, 'params')) visit(param);
      const body = child(fn, 'body');
      if (body) visit(body);
    } else if (FIELD_TYPES.has(member.type) || PRIVATE_FIELD_TYPES.has(member.type)) {
      const value = child(member, 'value');
      if (value) visit(value);
    }
  }
  return usage;
}

/** Where the rewrite of one class stands, for reports. */

const EQUALITY_OPERATORS = new Set(['===', '==', '!==', '!=']);
const OWN_PROPERTY_CALLS = /(?:^|\.)(?:hasOwnProperty|hasOwn|getOwnPropertyDescriptor|propertyIsEnumerable)$/;

/**
 * Code that treats a field as an own property by its name, such as a copy loop that checks
 * `key === 'parent'` or `hasOwnProperty('parent')`. Such code usually walks instances through
 * another variable, so the per-class `this` checks cannot see it.
 */
export function reflectiveUses(program: AstNode, fields: readonly string[]): Map<string, AstNode> {
  const found = new Map<string, AstNode>();
  const visit = (node: AstNode): void => {
    let candidates: AstNode[] = [];
    if (node.type === 'BinaryExpression' && EQUALITY_OPERATORS.has(text(node, 'operator') ?? '')) {
      candidates = [child(node, 'left'), child(node, 'right')].filter((operand) => operand !== undefined);
    } else if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
      const callee = child(node, 'callee');
      const property = child(callee, 'property');
      const name = callee?.type === 'Identifier' ? text(callee, 'name') : text(property, 'name');
      if (name !== undefined && OWN_PROPERTY_CALLS.test(name)) candidates = children(node, 'arguments');
    }
    for (const candidate of candidates) {
      const value = stringValue(candidate);
      if (value !== undefined && fields.includes(value) && !found.has(value)) found.set(value, candidate);
    }
    forEachChild(node, visit);
  };
  visit(program);
  return found;
}

/** How a class holds a target field itself, for the inheritance check. */
