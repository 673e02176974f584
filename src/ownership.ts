import ts from 'typescript';

import { calleeDeclaration, implementationOf } from './ast/resolve-function.js';
import { skipOuterTsExpressions } from './ast/wrappers.js';

/**
 * Does a call hand its caller a value the caller owns, or one that somebody else keeps?
 *
 * The type checker says what a call returns, not who owns it: `frame.page()` and `openPage()`
 * both return a `Page`. Where the callee's body is in the program, its `return`s tell: a value
 * read from existing state (`return this.#page`), memoised in a field
 * (`return (this.#doc ??= load())`), handed in as a parameter, or stored in a field or collection
 * before it is returned (`this.#contexts.set(id, context); return context;`) is borrowed; a value
 * made by `new` or by a call that itself hands over ownership is owned. Abstract methods leave
 * the answer to implementations the checker cannot pick, so they count as borrowed; declarations
 * without a body (`.d.ts`, lib) count as handing over, since that is what their types
 * promise; an overload means its implementation (src/ast/resolve-function.ts). Answers are cached
 * per declaration; types and declarations belong to the program.
 */
export function returnsOwnedValue(declaration: ts.Declaration | undefined, checker: ts.TypeChecker): boolean {
  return declarationOwns(declaration, checker, 0);
}

const MAX_DEPTH = 4;
const verdicts = new WeakMap<ts.Declaration, boolean>();

function declarationOwns(declaration: ts.Declaration | undefined, checker: ts.TypeChecker, depth: number): boolean {
  if (declaration === undefined || !ts.isFunctionLike(declaration)) return true;
  return bodyOwns(implementationOf(declaration, checker), checker, depth);
}

function bodyOwns(declaration: ts.SignatureDeclaration, checker: ts.TypeChecker, depth: number): boolean {
  const cached = verdicts.get(declaration);
  if (cached !== undefined) return cached;
  // A recursive callee asks about itself: assume ownership until its other returns say otherwise.
  verdicts.set(declaration, true);
  const verdict = computeVerdict(declaration, checker, depth);
  verdicts.set(declaration, verdict);
  return verdict;
}

function computeVerdict(declaration: ts.SignatureDeclaration, checker: ts.TypeChecker, depth: number): boolean {
  if (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Abstract) return false;
  const body = (declaration as ts.FunctionLikeDeclaration).body;
  if (body === undefined) return true;
  if (!ts.isBlock(body)) return expressionOwns(body, declaration, checker, depth);
  const returned = returnedExpressions(body);
  // A body that returns nothing (it throws, or the type lies): nothing to go by.
  if (returned.length === 0) return true;
  return returned.some((expression) => expressionOwns(expression, declaration, checker, depth));
}

function returnedExpressions(body: ts.Block): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) {
      if (node.expression !== undefined) found.push(node.expression);
      return;
    }
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** The value an expression hands on: no parentheses, type-only wrappers or `await`. */
function skipWrappers(expression: ts.Expression): ts.Expression {
  let current = skipOuterTsExpressions(expression);
  while (ts.isAwaitExpression(current)) current = skipOuterTsExpressions(current.expression);
  return current;
}

const ASSIGNMENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

function expressionOwns(expression: ts.Expression, owner: ts.SignatureDeclaration, checker: ts.TypeChecker, depth: number): boolean {
  const node = skipWrappers(expression);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || node.kind === ts.SyntaxKind.ThisKeyword) {
    return false;
  }
  if (ts.isBinaryExpression(node)) {
    if (ASSIGNMENTS.has(node.operatorToken.kind)) {
      // `return (this.cache ??= make())`: the field keeps it.
      if (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left)) return false;
      return expressionOwns(node.right, owner, checker, depth);
    }
    if (node.operatorToken.kind === ts.SyntaxKind.CommaToken) return expressionOwns(node.right, owner, checker, depth);
    return expressionOwns(node.left, owner, checker, depth) || expressionOwns(node.right, owner, checker, depth);
  }
  if (ts.isConditionalExpression(node)) {
    return expressionOwns(node.whenTrue, owner, checker, depth) || expressionOwns(node.whenFalse, owner, checker, depth);
  }
  if (ts.isIdentifier(node)) return identifierOwns(node, owner, checker, depth);
  if (ts.isCallExpression(node)) {
    if (depth >= MAX_DEPTH) return true;
    return declarationOwns(calleeDeclaration(node, checker), checker, depth + 1);
  }
  return true;
}

function identifierOwns(identifier: ts.Identifier, owner: ts.SignatureDeclaration, checker: ts.TypeChecker, depth: number): boolean {
  const symbol = checker.getSymbolAtLocation(identifier);
  const declaration = symbol?.valueDeclaration;
  if (symbol === undefined || declaration === undefined) return true;
  if (ts.isParameter(declaration)) return false;
  if (!ts.isVariableDeclaration(declaration)) return true;
  // A variable of an enclosing scope or the module: state that outlives the call.
  if (!isInside(declaration, owner)) return false;
  if (isStoredElsewhere(symbol, owner, checker)) return false;
  return declaration.initializer === undefined || expressionOwns(declaration.initializer, owner, checker, depth);
}

function isInside(node: ts.Node, container: ts.Node): boolean {
  return ts.findAncestor(node.parent, (ancestor) => ancestor === container) !== undefined;
}

/** The local is also passed to a call, assigned somewhere or put in a literal inside the callee. */
function isStoredElsewhere(symbol: ts.Symbol, owner: ts.SignatureDeclaration, checker: ts.TypeChecker): boolean {
  const body = (owner as ts.FunctionLikeDeclaration).body;
  if (body === undefined) return false;
  let stored = false;
  const visit = (node: ts.Node): void => {
    if (stored) return;
    if (ts.isIdentifier(node) && node.text === symbol.name && checker.getSymbolAtLocation(node) === symbol) {
      const parent = node.parent;
      stored =
        ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node) === true) ||
        (ts.isBinaryExpression(parent) && parent.right === node && ASSIGNMENTS.has(parent.operatorToken.kind)) ||
        ts.isArrayLiteralExpression(parent) ||
        (ts.isPropertyAssignment(parent) && parent.initializer === node) ||
        ts.isShorthandPropertyAssignment(parent);
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return stored;
}
