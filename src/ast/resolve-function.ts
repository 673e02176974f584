import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';

import type { FunctionNode } from './functions.js';
import { memberName } from './member-names.js';
import { skipOuterEsExpressions, skipOuterTsExpressions } from './wrappers.js';

/**
 * Which function an expression means: the one resolver every rule and shared module uses.
 *
 * The policy, in one place:
 * - An inline arrow function or function expression is itself.
 * - A name (`f`, `this.m`, `Foo.m`, `obj.m`, `obj['m']`) is followed through import and export
 *   aliases to what it declares. A name that resolves to a whole module (`import * as m`) or to
 *   nothing the checker knows means no function.
 * - A function or method declared with overloads means its implementation: the one declaration
 *   with a body. Several bodies for one name (merged or repeated declarations) mean no function:
 *   which one runs cannot be told without running the code. A declaration without a body
 *   (`.d.ts`, `declare`, abstract) means no function either.
 * - A `const` binding means the function it is initialised with (through `as`, `satisfies`,
 *   parentheses and further `const` names); a `let` or `var` may be reassigned before the call
 *   and means no function. Class fields and object-literal properties initialised with a function
 *   (`onClose = () => …`, `{ close: function () {} }`) mean that function.
 * - `f.bind(…)` means `f`: the bound function runs `f`'s body.
 * Following stops after a few names (`const a = b; const b = c; …`).
 */
export type FunctionDeclarationWithBody = (
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
) & { body: ts.ConciseBody };

const MAX_STEPS = 8;

/** The function a TypeScript expression means (see the policy above). */
export function resolveFunctionOfTsExpression(
  expression: ts.Expression,
  checker: ts.TypeChecker,
  steps = 0,
): FunctionDeclarationWithBody | undefined {
  if (steps > MAX_STEPS) return undefined;
  const node = skipOuterTsExpressions(expression);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const nameNode = ts.isPropertyAccessExpression(node) ? node.name : ts.isElementAccessExpression(node) ? node.argumentExpression : node;
    const symbol = checker.getSymbolAtLocation(nameNode);
    return symbol === undefined ? undefined : resolveFunctionOfSymbol(symbol, checker, steps + 1);
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'bind') {
    return resolveFunctionOfTsExpression(node.expression.expression, checker, steps + 1);
  }
  return undefined;
}

/** The function a symbol (a function, method, `const`, field or property) stands for. */
export function resolveFunctionOfSymbol(
  symbol: ts.Symbol,
  checker: ts.TypeChecker,
  steps = 0,
): FunctionDeclarationWithBody | undefined {
  if (steps > MAX_STEPS) return undefined;
  let target = symbol;
  if (target.flags & ts.SymbolFlags.Alias) {
    target = checker.getAliasedSymbol(target);
    // An alias the checker cannot resolve comes back as the `unknown` symbol, without declarations.
    if (target === symbol) return undefined;
  }
  const declarations = target.declarations ?? [];
  const bodies = declarations.filter(
    (declaration): declaration is FunctionDeclarationWithBody =>
      (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body !== undefined,
  );
  if (bodies.length > 0) return bodies.length === 1 ? bodies[0] : undefined;
  if (declarations.length !== 1) return undefined;
  const [declaration] = declarations;
  if (declaration === undefined) return undefined;
  let initializer: ts.Expression | undefined;
  if (ts.isVariableDeclaration(declaration)) {
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return undefined;
    initializer = declaration.initializer;
  } else if (ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) {
    initializer = declaration.initializer;
  } else if (ts.isShorthandPropertyAssignment(declaration)) {
    const value = checker.getShorthandAssignmentValueSymbol(declaration);
    return value === undefined ? undefined : resolveFunctionOfSymbol(value, checker, steps + 1);
  }
  return initializer === undefined ? undefined : resolveFunctionOfTsExpression(initializer, checker, steps + 1);
}

/**
 * The function an ESTree expression of the linted file means, as an ESTree node of that file.
 * Undefined when it means no function (see the policy) or one written in another file.
 */
export function resolveFunction(expression: TSESTree.Node, services: ParserServicesWithTypeInformation): FunctionNode | undefined {
  const node = skipOuterEsExpressions(expression);
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) return node;
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // `f.bind(…)` is handled on the TypeScript side; anything else called here is not a function reference.
    if (node.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(node.callee) !== 'bind') return undefined;
  } else if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) {
    return undefined;
  }
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  if (!isTsExpression(tsNode)) return undefined;
  const declaration = resolveFunctionOfTsExpression(tsNode, services.program.getTypeChecker());
  return declaration === undefined ? undefined : functionNodeInFile(declaration, services);
}

/** The ESTree function for a TypeScript function declaration of the linted file. */
export function functionNodeInFile(
  declaration: FunctionDeclarationWithBody,
  services: ParserServicesWithTypeInformation,
): FunctionNode | undefined {
  if (!services.tsNodeToESTreeNodeMap.has(declaration)) return undefined;
  const estree = services.tsNodeToESTreeNodeMap.get<TSESTree.Node>(declaration);
  switch (estree.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
      return estree;
    // A method's TypeScript declaration maps to the ESTree member; its function is the value.
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.Property:
      return estree.value.type === AST_NODE_TYPES.FunctionExpression ? estree.value : undefined;
    default:
      return undefined;
  }
}

/**
 * The declaration of the signature a call resolves to (its types), and, when that is an overload
 * without a body, the implementation's body that runs (see the policy).
 */
export function calleeDeclaration(call: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker): ts.SignatureDeclaration | undefined {
  return resolvedCall(call, checker)?.declaration;
}

/** The signature a call resolves to, with its declaration; undefined for synthetic signatures. */
export function resolvedCall(
  call: ts.CallExpression | ts.NewExpression,
  checker: ts.TypeChecker,
): { signature: ts.Signature; declaration: ts.SignatureDeclaration } | undefined {
  const signature = checker.getResolvedSignature(call);
  // Synthetic signatures (of unions, of `any`) have no declaration, whatever the type says.
  const declaration: ts.SignatureDeclaration | undefined = signature?.getDeclaration();
  return signature === undefined || declaration === undefined ? undefined : { signature, declaration };
}

/** The body that runs for a signature declaration: its own, or its overload set's implementation. */
export function implementationOf(declaration: ts.SignatureDeclaration, checker: ts.TypeChecker): ts.SignatureDeclaration {
  if ((declaration as ts.FunctionLikeDeclaration).body !== undefined) return declaration;
  if (!(ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) || declaration.name === undefined) {
    return declaration;
  }
  const symbol = checker.getSymbolAtLocation(declaration.name);
  const implementation = symbol === undefined ? undefined : resolveFunctionOfSymbol(symbol, checker);
  return implementation ?? declaration;
}

function isTsExpression(node: ts.Node): node is ts.Expression {
  return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node);
}
