import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type ts from 'typescript';

import { memberName } from '../src/ast/member-names.js';
import { resolveFunction } from '../src/ast/resolve-function.js';
import { getThisScope, sameThisScope } from '../src/ast/this-scope.js';
import { walk } from '../src/ast/walk.js';
import { skipOuterEsExpressions } from '../src/ast/wrappers.js';
import { createRule, ruleDocsUrl } from '../src/create-rule.js';
import { shortened } from '../src/message-text.js';
import { getCallbackOfRegistry, getRegistryCall, getRegistryConstruction, mayInvolveFinalizationRegistry } from '../src/finalization-registry.js';
import { getParserServices } from '../src/parser-services.js';

export type Options = [];
export type MessageIds =
  | 'heldIsTarget'
  | 'heldContainsTarget'
  | 'heldClosesOverTarget'
  | 'heldBoundToTarget'
  | 'callbackCapturesTarget';


type Reference = TSESTree.Identifier | TSESTree.ThisExpression | TSESTree.MemberExpression;

export default createRule<Options, MessageIds>({
  name: 'no-finalizer-holding-target',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow FinalizationRegistry held values and cleanup callbacks that keep the registered target alive',
      url: ruleDocsUrl('no-finalizer-holding-target'),
      recommended: true,
      requiresTypeChecking: true,
    },
    schema: [],
    messages: {
      heldIsTarget:
        'The held value is the target `{{name}}` itself, which `register` rejects with a TypeError; hold what the cleanup needs (an id, a handle) instead.',
      heldContainsTarget:
        'The held value contains the target `{{name}}`, so the registry keeps the target alive forever; hold only what the cleanup needs, or a `WeakRef` to the target.',
      heldClosesOverTarget:
        'The held value closes over the target `{{name}}`, so the registry keeps the target alive forever; pass the data the cleanup needs instead of a closure.',
      heldBoundToTarget:
        'The held value is bound to the target `{{name}}`, so the registry keeps the target alive forever; pass the data the cleanup needs instead of a bound function.',
      callbackCapturesTarget:
        'This cleanup callback captures `{{name}}`, a target of the same registry, so that target is never collected; let the callback use only its held value.',
    },
    languages: ['js/js'],
  },
  create(context) {
    // register(...) must appear in the file for anything here to apply.
    if (!mayInvolveFinalizationRegistry(context.sourceCode.text)) return {};
    const services = getParserServices(context);
    const reportedCaptures = new Set<TSESTree.Node>();

    return {
      CallExpression(node): void {
        if (node.arguments.length < 2) return;
        const registryCall = getRegistryCall(node, services);
        if (registryCall?.kind !== 'register') return;
        const [targetArgument, heldArgument] = node.arguments;
        if (targetArgument === undefined || targetArgument.type === AST_NODE_TYPES.SpreadElement) return;
        const target = asReference(targetArgument);
        if (target === undefined || isTopLevelThis(referenceRoot(target))) return;
        const name = shortened(context.sourceCode.getText(target), 40);
        if (heldArgument !== undefined && heldArgument.type !== AST_NODE_TYPES.SpreadElement) {
          checkHeld(heldArgument, target, name);
        }
        checkCallback(registryCall.registry, target, name);
      },
    };

    function checkHeld(held: TSESTree.Expression, target: Reference, name: string): void {
      const node = skipOuterEsExpressions(held);
      if (sameReference(node, target, services)) {
        context.report({ node: held, messageId: 'heldIsTarget', data: { name } });
        return;
      }
      if (containerHolds(node, target)) {
        context.report({ node: held, messageId: 'heldContainsTarget', data: { name } });
        return;
      }
      const binding = boundTo(node, target);
      if (binding !== undefined) {
        context.report({ node: binding, messageId: 'heldBoundToTarget', data: { name } });
        return;
      }
      const capture = functionCapture(node, target);
      if (capture !== undefined) {
        context.report({ node: held, messageId: 'heldClosesOverTarget', data: { name } });
      }
    }

    function checkCallback(registry: TSESTree.Expression, target: Reference, name: string): void {
      const construction = getRegistryConstruction(registry, services);
      let capture: TSESTree.Node | undefined;
      if (construction !== undefined) {
        // `new FinalizationRegistry(this.onCollect.bind(this))`: the bound receiver is captured.
        const argument = construction.arguments[0];
        if (argument !== undefined && argument.type !== AST_NODE_TYPES.SpreadElement) {
          capture = boundTo(skipOuterEsExpressions(argument), target);
        }
      }
      if (capture === undefined) {
        const callback = getCallbackOfRegistry(registry, services);
        if (callback !== undefined) capture = capturedIn(callback, target);
      }
      if (capture === undefined || reportedCaptures.has(capture)) return;
      reportedCaptures.add(capture);
      context.report({ node: capture, messageId: 'callbackCapturesTarget', data: { name } });
    }

    /** Object/array literals, spreads and conditional picks that place the target inside. */
    function containerHolds(node: TSESTree.Node, target: Reference): boolean {
      switch (node.type) {
        case AST_NODE_TYPES.ObjectExpression:
          return node.properties.some((property) => {
            if (property.type === AST_NODE_TYPES.SpreadElement) return holdsOrIs(skipOuterEsExpressions(property.argument), target);
            return holdsOrIs(skipOuterEsExpressions(property.value), target);
          });
        case AST_NODE_TYPES.ArrayExpression:
          return node.elements.some((element) => {
            if (element === null) return false;
            if (element.type === AST_NODE_TYPES.SpreadElement) return holdsOrIs(skipOuterEsExpressions(element.argument), target);
            return holdsOrIs(skipOuterEsExpressions(element), target);
          });
        case AST_NODE_TYPES.ConditionalExpression:
          return holdsOrIs(skipOuterEsExpressions(node.consequent), target) || holdsOrIs(skipOuterEsExpressions(node.alternate), target);
        case AST_NODE_TYPES.LogicalExpression:
          return holdsOrIs(skipOuterEsExpressions(node.left), target) || holdsOrIs(skipOuterEsExpressions(node.right), target);
        case AST_NODE_TYPES.SequenceExpression: {
          const last = node.expressions.at(-1);
          return last !== undefined && holdsOrIs(skipOuterEsExpressions(last), target);
        }
        default:
          return false;
      }
    }

    function holdsOrIs(node: TSESTree.Node, target: Reference): boolean {
      return (
        sameReference(node, target, services) ||
        containerHolds(node, target) ||
        boundTo(node, target) !== undefined ||
        functionCapture(node, target) !== undefined
      );
    }

    /** `f.bind(target, ...)` or `f.bind(x, target)`: the argument that binds the target. */
    function boundTo(node: TSESTree.Node, target: Reference): TSESTree.Node | undefined {
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      if (memberName(node.callee) !== 'bind') return undefined;
      for (const argument of node.arguments) {
        if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
        const inner = skipOuterEsExpressions(argument);
        if (sameReference(inner, target, services) || containerHolds(inner, target)) return argument;
      }
      return undefined;
    }

    /** A function (inline, or resolved in this file) whose closure reaches the target. */
    function functionCapture(node: TSESTree.Node, target: Reference): TSESTree.Node | undefined {
      if (
        node.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
        node.type !== AST_NODE_TYPES.FunctionExpression &&
        node.type !== AST_NODE_TYPES.Identifier &&
        node.type !== AST_NODE_TYPES.MemberExpression &&
        node.type !== AST_NODE_TYPES.CallExpression
      ) {
        return undefined;
      }
      const fn = resolveFunction(node, services);
      return fn === undefined ? undefined : capturedIn(fn, target);
    }

    /**
     * The first reference to the target inside `fn` that is a capture: identifiers resolving to
     * the target's symbol, and `this` that is lexically the target's `this` (arrow functions
     * only; a method's own `this` is its receiver, not a capture).
     */
    function capturedIn(
      fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration,
      target: Reference,
    ): TSESTree.Node | undefined {
      const rootThis = referenceRoot(target).type === AST_NODE_TYPES.ThisExpression;
      // An ordinary function's `this` is whatever receiver it is called with, never a capture.
      if (rootThis && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
      let found: TSESTree.Node | undefined;
      walk(fn.body, (node) => {
        if (found !== undefined) return false;
        if (rootThis && node !== fn.body && (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration)) {
          // `this` in a nested ordinary function is that function's receiver.
          return false;
        }
        if (node.type === AST_NODE_TYPES.MemberExpression && sameReference(node, target, services)) {
          found = node;
          return false;
        }
        if ((node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) && sameReference(node, target, services)) {
          found = node;
          return false;
        }
        return true;
      });
      return found;
    }
  },
});

/** Targets the rule can follow: `x`, `this`, `a.b.c`, `this.#x`. */
function asReference(node: TSESTree.Node): Reference | undefined {
  const current = skipOuterEsExpressions(node);
  if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression) return current;
  if (current.type === AST_NODE_TYPES.MemberExpression && memberName(current) !== undefined) {
    return asReference(current.object) === undefined ? undefined : current;
  }
  return undefined;
}

/**
 * `this` outside any function or class: `undefined` in an ES module (`register` throws on it),
 * `module.exports` or the global object elsewhere, which live as long as the program. Either
 * way there is no collectable target to keep alive.
 */
function isTopLevelThis(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ThisExpression && getThisScope(node).kind === 'top';
}

function referenceRoot(reference: Reference): TSESTree.Node {
  let current: TSESTree.Node = reference;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipOuterEsExpressions(current.object);
  return current;
}

/** Whether two expressions denote the same binding: same symbol, same `this`, same member path. */
function sameReference(node: TSESTree.Node, target: Reference, services: ParserServicesWithTypeInformation): boolean {
  const a = skipOuterEsExpressions(node);
  if (a.type !== target.type) return false;
  if (a === target) return true;
  if (a.type === AST_NODE_TYPES.Identifier && target.type === AST_NODE_TYPES.Identifier) {
    // Cheap name test before asking the checker.
    if (a.name !== target.name || isPropertyName(a)) return false;
    const symbol = valueSymbol(a, services);
    return symbol !== undefined && symbol === valueSymbol(target, services);
  }
  if (a.type === AST_NODE_TYPES.ThisExpression) {
    return sameThisScope(getThisScope(a), getThisScope(target));
  }
  if (a.type === AST_NODE_TYPES.MemberExpression && target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(a);
    if (name === undefined || name !== memberName(target)) return false;
    const object = asReference(target.object);
    return object !== undefined && sameReference(a.object, object, services);
  }
  return false;
}

function valueSymbol(identifier: TSESTree.Identifier, services: ParserServicesWithTypeInformation): ts.Symbol | undefined {
  const parent = identifier.parent;
  if (parent.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === identifier) {
    // `{ target }` names the property; the value is the variable.
    const tsNode = services.esTreeNodeToTSNodeMap.get(parent);
    const checker = services.program.getTypeChecker();
    return checker.getShorthandAssignmentValueSymbol(tsNode);
  }
  return services.getSymbolAtLocation(identifier);
}

/** `b` in `a.b` and keys in `{ b: 1 }` are names, not references. */
function isPropertyName(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression) return parent.property === identifier && !parent.computed;
  if (parent.type === AST_NODE_TYPES.Property) return parent.key === identifier && !parent.computed && !parent.shorthand;
  return false;
}
