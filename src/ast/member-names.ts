import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { skipOuterEsExpressions } from './wrappers.js';

/**
 * The key of a property, member or member access, as far as it is known without running code:
 * - `name`: an identifier, a string or number literal, or a template without expressions
 *   (`a`, `'a'`, `0`, `` [`a`] ``);
 * - `private`: a `#name` (the name without `#`);
 * - `symbol`: a computed key that names a value, usually a symbol (`[kParent]`,
 *   `[Symbol.dispose]`, `[ns.kChildren]`); `name` is the expression's text (`kParent`,
 *   `Symbol.dispose`).
 * Any other computed key (`[a + b]`, `[f()]`) is unknown.
 */
export type PropertyKey =
  | { kind: 'name'; name: string }
  | { kind: 'private'; name: string }
  | { kind: 'symbol'; name: string };

export function propertyKey(key: TSESTree.Node, computed: boolean): PropertyKey | undefined {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return { kind: 'private', name: key.name };
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return { kind: 'name', name: key.name };
  if (key.type === AST_NODE_TYPES.Literal) {
    return typeof key.value === 'string' || typeof key.value === 'number' ? { kind: 'name', name: String(key.value) } : undefined;
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    const [quasi] = key.quasis;
    return quasi?.value.cooked == null ? undefined : { kind: 'name', name: quasi.value.cooked };
  }
  if (!computed) return undefined;
  const path = calleePath(key);
  return path === undefined ? undefined : { kind: 'symbol', name: path.join('.') };
}

/** How a key is written in code and messages: `a`, `#a`, `[kParent]`. */
export function propertyKeyText(key: PropertyKey): string {
  switch (key.kind) {
    case 'name':
      return key.name;
    case 'private':
      return `#${key.name}`;
    case 'symbol':
      return `[${key.name}]`;
  }
}

/** The key of a class member, object property or signature. */
export function memberKey(
  member:
    | TSESTree.PropertyDefinition
    | TSESTree.AccessorProperty
    | TSESTree.MethodDefinition
    | TSESTree.TSAbstractPropertyDefinition
    | TSESTree.TSAbstractMethodDefinition
    | TSESTree.TSAbstractAccessorProperty
    | TSESTree.Property
    | TSESTree.TSPropertySignature
    | TSESTree.TSMethodSignature,
): PropertyKey | undefined {
  return propertyKey(member.key, member.computed);
}

/**
 * The static name of a member access: `a.b` and `a['b']` give `b`, `a.#b` gives `#b`.
 * Symbol-keyed and dynamic accesses (`a[k]`) give undefined.
 */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  const key = propertyKey(node.property, node.computed);
  if (key === undefined || key.kind === 'symbol') return undefined;
  return key.kind === 'private' ? `#${key.name}` : key.name;
}

/**
 * The path of a reference to a value, as a key to compare two places by: `this.#ac` → 'this.#ac',
 * `ctx.ac` → 'ctx.ac', `this.host?.ac!` → 'this.host.ac'. Like `calleePath`, but `this` may start
 * the chain and optional chains and type-only wrappers are looked through; undefined for
 * anything else (calls, computed keys, `super`).
 */
export function accessPath(node: TSESTree.Node): string | undefined {
  const value = skipOuterEsExpressions(node, { chains: true });
  if (value.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(value);
    const head = accessPath(value.object);
    return name !== undefined && head !== undefined ? `${head}.${name}` : undefined;
  }
  return undefined;
}

/** `console.log` → ['console', 'log']; undefined when the expression is not a chain of static names. */
export function calleePath(node: TSESTree.Node): string[] | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return [node.name];
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    const head = calleePath(node.object);
    return name !== undefined && head !== undefined ? [...head, name] : undefined;
  }
  return undefined;
}
