import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';

import { skipOuterTsExpressions } from './wrappers.js';

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

/**
 * The key of a TypeScript declaration name, the checker-side twin of `propertyKey`: `a`, `'a'`,
 * `0` and `` [`a`] `` are names, `#a` is private, `[kParent]` and `[ns.kChildren]` are symbol
 * keys; any other computed key is unknown.
 */
export function tsPropertyKey(name: ts.PropertyName | ts.MemberName | ts.DeclarationName): PropertyKey | undefined {
  if (ts.isPrivateIdentifier(name)) return { kind: 'private', name: name.text.slice(1) };
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return { kind: 'name', name: name.text };
  if (!ts.isComputedPropertyName(name)) return undefined;
  const expression = skipOuterTsExpressions(name.expression);
  if (ts.isStringLiteralLike(expression) || ts.isNumericLiteral(expression)) return { kind: 'name', name: expression.text };
  const path = tsNamePath(expression);
  return path === undefined ? undefined : { kind: 'symbol', name: path.join('.') };
}

/**
 * The key of a property symbol the checker hands out, read from its declaration's name. The
 * checker names a property with a unique-symbol key `__@kParent@12`; this gives `[kParent]`
 * instead, and `{ kind: 'symbol' }` with the symbol's name when no declaration says more.
 */
export function tsSymbolPropertyKey(symbol: ts.Symbol): PropertyKey {
  for (const declaration of symbol.declarations ?? []) {
    const name = ts.getNameOfDeclaration(declaration);
    const key = name === undefined ? undefined : tsPropertyKey(name);
    if (key !== undefined) return key;
  }
  const internal = /^__@(.*)@\d+$/.exec(symbol.getName());
  if (internal?.[1] !== undefined) return { kind: 'symbol', name: internal[1] };
  return { kind: 'name', name: symbol.getName() };
}

/** `kParent` → ['kParent'], `ns.kParent` → ['ns', 'kParent']; undefined for anything else. */
function tsNamePath(expression: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(expression)) return [expression.text];
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.name)) {
    const head = tsNamePath(expression.expression);
    return head === undefined ? undefined : [...head, expression.name.text];
  }
  return undefined;
}
