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

/**
 * The `return` statements of `fn` itself, not of the functions and classes inside it, in source
 * order. Only statements are visited: an expression holds a `return` only inside a function of
 * its own, so the (far more numerous) expression nodes are never entered.
 */
export function ownReturnStatements(fn: FunctionNode): TSESTree.ReturnStatement[] {
  const found: TSESTree.ReturnStatement[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return found;
  const stack: TSESTree.Statement[] = [fn.body];
  const push = (...statements: (TSESTree.Statement | null | undefined)[]): void => {
    for (let index = statements.length - 1; index >= 0; index -= 1) {
      const statement = statements[index];
      if (statement !== null && statement !== undefined) stack.push(statement);
    }
  };
  for (let statement = stack.pop(); statement !== undefined; statement = stack.pop()) {
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
        found.push(statement);
        break;
      case AST_NODE_TYPES.BlockStatement:
        push(...statement.body);
        break;
      case AST_NODE_TYPES.IfStatement:
        push(statement.consequent, statement.alternate);
        break;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.WithStatement:
        push(statement.body);
        break;
      case AST_NODE_TYPES.TryStatement:
        push(statement.block, statement.handler?.body, statement.finalizer);
        break;
      case AST_NODE_TYPES.SwitchStatement:
        push(...statement.cases.flatMap((switchCase) => switchCase.consequent));
        break;
      default:
        break;
    }
  }
  return found;
}
