import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { findAncestor } from './ancestors.js';
import type { ClassNode } from './functions.js';

/**
 * What `this` denotes at a place in the code:
 * - `instance`: an instance of `classNode` (instance methods, accessors, the constructor, instance
 *   field initialisers); `method` is the method's function when there is one;
 * - `static`: the class itself (static methods, static field initialisers, static blocks);
 * - `function`: whatever receiver the plain function `functionNode` is called with (object
 *   literal methods included);
 * - `top`: the module or script top level (`undefined` in an ES module, `module.exports` in
 *   CommonJS, the global object in a script); also namespace bodies.
 * Arrow functions have no `this` of their own and are looked through. Class keys, decorators and
 * `extends` clauses are evaluated outside the class, so they see the `this` around the class.
 */
export type ThisScope =
  | { kind: 'instance' | 'static'; classNode: ClassNode; method?: TSESTree.FunctionExpression }
  | { kind: 'function'; functionNode: TSESTree.FunctionExpression | TSESTree.FunctionDeclaration }
  | { kind: 'top' };

export function getThisScope(node: TSESTree.Node): ThisScope {
  const boundary = findAncestor(node, isThisBoundary);
  switch (boundary?.type) {
    case AST_NODE_TYPES.FunctionExpression: {
      const parent = boundary.parent;
      if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.value === boundary) {
        return { kind: parent.static ? 'static' : 'instance', classNode: parent.parent.parent, method: boundary };
      }
      return { kind: 'function', functionNode: boundary };
    }
    case AST_NODE_TYPES.FunctionDeclaration:
      return { kind: 'function', functionNode: boundary };
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
      return { kind: boundary.static ? 'static' : 'instance', classNode: boundary.parent.parent };
    case AST_NODE_TYPES.StaticBlock:
      return { kind: 'static', classNode: boundary.parent.parent };
    default:
      return { kind: 'top' };
  }
}

type ThisBoundary =
  | TSESTree.FunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.PropertyDefinition
  | TSESTree.AccessorProperty
  | TSESTree.StaticBlock;

/** The ancestor that decides `this` for `child` below it: a non-arrow function, a field's value, a static block. */
function isThisBoundary(ancestor: TSESTree.Node, child: TSESTree.Node): ancestor is ThisBoundary {
  switch (ancestor.type) {
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.StaticBlock:
      return true;
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
      return ancestor.value === child;
    default:
      return false;
  }
}

/** Whether `this` at `a` and `this` at `b` denote the same value. */
export function sameThisScope(a: ThisScope, b: ThisScope): boolean {
  switch (a.kind) {
    case 'top':
      return b.kind === 'top';
    case 'function':
      return b.kind === 'function' && a.functionNode === b.functionNode;
    case 'instance':
    case 'static':
      return b.kind === a.kind && a.classNode === b.classNode;
  }
}
