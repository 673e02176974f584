import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isWithin, parentOf } from './ancestors.js';
import type { ClassNode } from './functions.js';
import { memberKey, propertyKey, propertyKeyText } from './member-names.js';
import { getThisScope } from './this-scope.js';
import { TYPE_ONLY_NODES, walk } from './walk.js';
import { skipOuterEsExpressions } from './wrappers.js';

/**
 * One place where a class puts a value into an instance field of its own:
 * - `initializer`: `k = value;` (and `accessor k = value;`);
 * - `declaration`: `k: T;`, `declare k: T;`, `@Input() k!: T;` — a field the class declares but
 *   does not fill there (`value` is undefined);
 * - `parameterProperty`: `constructor(private k: T)` — filled with what the caller passes;
 * - `assignment`: `this.k = value` (also `??=`, `||=`, `&&=`) anywhere in the class, nested
 *   arrows included, where `this` is an instance of the class.
 */
export interface FieldWrite {
  kind: 'initializer' | 'declaration' | 'parameterProperty' | 'assignment';
  value: TSESTree.Expression | undefined;
  /** The field member, the parameter property, or the assignment expression. */
  node: TSESTree.Node;
  /** The member carries decorators (`@Input()`, `@property()`, `@inject(T)`): something outside fills it. */
  decorated: boolean;
}

const writesPerClass = new WeakMap<ClassNode, ReadonlyMap<string, readonly FieldWrite[]>>();

/**
 * Every write into the instance fields of `classNode`, by key text (`k`, `#k`, `[kSymbol]`, as
 * `propertyKeyText` writes them). Static fields are left out. Computed once per class node.
 * `assignmentsInFile`, when a caller has collected them on ESLint's traversal (every
 * `AssignmentExpression` of the file), spares the walk over the class body: the answer is the same.
 */
export function instanceFieldWrites(classNode: ClassNode, assignmentsInFile?: readonly TSESTree.AssignmentExpression[]): ReadonlyMap<string, readonly FieldWrite[]> {
  const cached = writesPerClass.get(classNode);
  if (cached !== undefined) return cached;
  const writes = new Map<string, FieldWrite[]>();
  const add = (key: string, write: FieldWrite): void => {
    const list = writes.get(key);
    if (list === undefined) writes.set(key, [write]);
    else list.push(write);
  };
  for (const member of classNode.body.body) {
    if ((member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) && !member.static) {
      const key = memberKey(member);
      if (key === undefined) continue;
      const decorated = member.decorators.length > 0;
      if (member.value === null) add(propertyKeyText(key), { kind: 'declaration', value: undefined, node: member, decorated });
      else add(propertyKeyText(key), { kind: 'initializer', value: member.value, node: member, decorated });
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const binding = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
        add(binding.name, { kind: 'parameterProperty', value: undefined, node: parameter, decorated: parameter.decorators.length > 0 });
      }
    }
  }
  const addAssignment = (node: TSESTree.AssignmentExpression): void => {
    if (node.operator !== '=' && node.operator !== '??=' && node.operator !== '||=' && node.operator !== '&&=') return;
    const key = thisMemberKey(node.left, classNode);
    if (key !== undefined) add(key, { kind: 'assignment', value: node.right, node, decorated: false });
  };
  const body = classNode.body;
  if (assignmentsInFile === undefined) {
    walk(body, (node) => {
      // A nested class has instances of its own; types hold no assignment.
      if ((node !== body && node.type === AST_NODE_TYPES.ClassBody) || TYPE_ONLY_NODES.has(node.type)) return false;
      if (node.type === AST_NODE_TYPES.AssignmentExpression) addAssignment(node);
      return undefined;
    });
  } else {
    const inside = assignmentsInFile.filter((node) => isWithin(node, body) && !inNestedClassBody(node, body));
    for (const node of inside.sort((a, b) => a.range[0] - b.range[0])) addAssignment(node);
  }
  writesPerClass.set(classNode, writes);
  return writes;
}

/** `node` lies in the body of a class nested in the one whose body is `body`, which the walk above does not enter. */
function inNestedClassBody(node: TSESTree.Node, body: TSESTree.ClassBody): boolean {
  for (let current = parentOf(node); current !== undefined && current !== body; current = parentOf(current)) {
    if (current.type === AST_NODE_TYPES.ClassBody) return true;
  }
  return false;
}

/**
 * The key text of `this.k` / `this.#k` / `this['k']` / `this?.k` (through type-only wrappers),
 * when `this` there is an instance of `classNode`; undefined otherwise.
 */
export function thisMemberKey(node: TSESTree.Node, classNode: ClassNode): string | undefined {
  const member = skipOuterEsExpressions(node, { chains: true });
  if (member.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = skipOuterEsExpressions(member.object, { chains: true });
  if (object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const scope = getThisScope(object);
  if (scope.kind !== 'instance' || scope.classNode !== classNode) return undefined;
  const key = propertyKey(member.property, member.computed);
  return key === undefined ? undefined : propertyKeyText(key);
}
