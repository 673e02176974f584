import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { findAncestor } from './ancestors.js';
import { type PropertyKey, propertyKey } from './member-names.js';

/** A function with a body of its own. */
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

export function isClassNode(node: TSESTree.Node): node is ClassNode {
  return node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression;
}

/** The innermost function around `node` (arrow functions included), or undefined at the top level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  return findAncestor(node, isFunctionNode);
}

/** The innermost class around `node`, whatever part of the class (body, key, `extends`) holds it. */
export function enclosingClass(node: TSESTree.Node): ClassNode | undefined {
  return findAncestor(node, isClassNode);
}

/**
 * The key that names a function: a method's or property's key, a declaration's name, or the
 * name of the variable it initialises. Undefined for anonymous functions (callbacks, IIFEs).
 */
export function functionKey(fn: FunctionNode): PropertyKey | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id === null ? undefined : { kind: 'name', name: fn.id.name };
  const parent = fn.parent;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition ||
      parent.type === AST_NODE_TYPES.PropertyDefinition ||
      parent.type === AST_NODE_TYPES.Property) &&
    parent.value === fn
  ) {
    return propertyKey(parent.key, parent.computed);
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    return { kind: 'name', name: parent.id.name };
  }
  return undefined;
}

/** The class method (or constructor, accessor) whose function `fn` is. */
export function methodOf(fn: FunctionNode): TSESTree.MethodDefinition | undefined {
  const parent = fn.parent;
  return parent.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn ? parent : undefined;
}
