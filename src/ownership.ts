import ts from 'typescript';

import { implementationOf, resolvedCall } from './ast/resolve-function.js';
import { skipOuterTsExpressions } from './ast/wrappers.js';
import { isStackMove } from './disposable.js';

/**
 * Who owns what a call hands back, and who owns what is handed to a call.
 *
 * The model is the one of the Checker Framework's resource-leak checker and .NET's CA2000:
 * a call's result is owned by the caller unless something says it is borrowed; a parameter
 * borrows what it is given only where that is said (here: a `@borrows` tag), since a callee
 * whose body the checker cannot see may keep the value; a field is owned by its class.
 *
 * What a call hands back ({@link callResult}):
 * - `owned`: a value made for the caller (`new X()`, a factory, a declaration without a body
 *   that promises one by its type);
 * - `receiver`: the object the method was called on, by its signature (`on(): this`,
 *   `connect(): Promise<this>`, an inferred `this` such as `return super.end()`), or a
 *   declaration without a body whose result has exactly the receiver's type (`hash.update(x)`
 *   typed `Hash` on a `Hash`);
 * - `argument`: one of its own arguments, by its signature: a type parameter that is the
 *   declared type of a parameter and appears in the declared return type (`use<T>(value: T): T`,
 *   `pipeline(…, destination: B, …): B extends WritableStream ? B : WritableStream`), when the
 *   result's type is that argument's type;
 * - `borrowed`: state that somebody else keeps: a container's element by its signature (the
 *   declared return type is a type parameter of the class or interface, as in `Map#get`,
 *   `Array#pop`, `WeakRef#deref`, `ClassAccessorDecoratorTarget#get`), or, where the callee's
 *   body is in the program, every `return` gives back existing state (a field, a value memoised
 *   in a field, a parameter, a local that was also stored somewhere, `this`, `null`, or the
 *   result of another call that does not own), or the callee is abstract.
 *
 * `f.call(thisArg, …)` and `f.apply(thisArg, args)` are judged as calls of `f` (an overloaded `f`
 * only when every overload returns `this`); a call through `?.` by what it returns when it runs;
 * a returned call of a function that returns `void` gives back nothing. An overload
 * means its implementation (src/ast/resolve-function.ts). `DisposableStack#move()` hands back a
 * new stack (src/disposable.ts).
 *
 * JSDoc tags say what the types cannot: on a function or method, `@borrows` means its result is
 * borrowed and `@owns` that it is owned, whatever the body says; `@borrows name` means the
 * parameter `name` only borrows the value passed to it (the caller keeps the duty to dispose it),
 * `@owns name` that it takes ownership (the default). Answers are cached per call node and per
 * declaration; types and declarations belong to the program.
 */
export type CallResult = 'owned' | 'receiver' | 'argument' | 'borrowed';

export function callResult(call: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker): CallResult {
  return resultOf(call, checker, 0);
}

/** Whether the callee's body (or its type, without a body) hands the caller a value it owns. */
export function returnsOwnedValue(declaration: ts.Declaration | undefined, checker: ts.TypeChecker): boolean {
  return declarationOwns(declaration, checker, 0);
}

export type ParameterOwnership = 'owns' | 'borrows';

/**
 * Whether the parameter at `index` of a callee takes ownership of what it is given. Only a
 * `@borrows name` tag on the callee (or its implementation) says it borrows.
 */
export function parameterOwnership(declaration: ts.SignatureDeclaration, index: number, checker: ts.TypeChecker): ParameterOwnership {
  const parameter = declaration.parameters[Math.min(index, declaration.parameters.length - 1)];
  if (parameter === undefined || (index >= declaration.parameters.length && parameter.dotDotDotToken === undefined)) return 'owns';
  if (!ts.isIdentifier(parameter.name)) return 'owns';
  const name = parameter.name.text;
  for (const candidate of new Set([declaration, implementationOf(declaration, checker)])) {
    const tags = ownershipTags(candidate);
    if (tags.borrows.has(name)) return 'borrows';
    if (tags.owns.has(name)) return 'owns';
  }
  return 'owns';
}

/**
 * Whether any file of the program outside the default lib has a `@borrows` tag: without one,
 * every parameter takes ownership of what it is given ({@link parameterOwnership}).
 */
export function programHasBorrowTags(program: ts.Program): boolean {
  let answer = borrowsPerProgram.get(program);
  if (answer === undefined) {
    answer = program.getSourceFiles().some((file) => !program.isSourceFileDefaultLibrary(file) && fileHasTag(file, 'borrows'));
    borrowsPerProgram.set(program, answer);
  }
  return answer;
}

const MAX_DEPTH = 4;
const TAG_TEXT = { owns: /@owns\b/, borrows: /@borrows\b/ };
const borrowsPerProgram = new WeakMap<ts.Program, boolean>();
const tagsPerFile = { owns: new WeakMap<ts.SourceFile, boolean>(), borrows: new WeakMap<ts.SourceFile, boolean>() };

/**
 * Whether the file's text has the tag anywhere, kept per source file. A plain substring search
 * goes first: declaration files are full of other tags (`@param`, `@returns`), at each of which
 * the expression would have to try.
 */
function fileHasTag(file: ts.SourceFile, tag: 'owns' | 'borrows'): boolean {
  let answer = tagsPerFile[tag].get(file);
  if (answer === undefined) {
    answer = file.text.includes(`@${tag}`) && TAG_TEXT[tag].test(file.text);
    tagsPerFile[tag].set(file, answer);
  }
  return answer;
}

const resultPerCall = new WeakMap<ts.Node, CallResult>();
const verdicts = new WeakMap<ts.Declaration, boolean>();

function resultOf(call: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker, depth: number): CallResult {
  if (ts.isNewExpression(call)) return 'owned';
  let result = resultPerCall.get(call);
  if (result === undefined) {
    result = computeCallResult(call, checker, depth);
    resultPerCall.set(call, result);
  }
  return result;
}

function computeCallResult(call: ts.CallExpression, checker: ts.TypeChecker, depth: number): CallResult {
  const resolved = resolvedCall(call, checker);
  if (resolved === undefined) return 'owned';
  const { signature } = resolved;
  let declaration = resolved.declaration;
  let receiver = receiverOf(call);
  let args: readonly ts.Expression[] = call.arguments;
  let resultType = signature.getReturnType();
  // A call through `?.` has `| undefined` added to its signature's result; the value is the rest.
  if (ts.isOptionalChain(call)) resultType = checker.getNonNullableType(resultType);
  // `f.call(thisArg, …)` / `f.apply(thisArg, args)`: the function that runs is `f`.
  const through = calledThroughCallOrApply(call, declaration, checker);
  if (through !== undefined) {
    declaration = through.declaration;
    receiver = undefined;
    args = through.args;
    resultType = through.resultType;
  }
  const tagged = returnTag(declaration, checker);
  if (tagged !== undefined) return tagged;
  if (isStackMove(declaration)) return 'owned';
  if (returnsThisType(declaration, checker)) return 'receiver';
  if (returnsArgument(declaration, args, resultType, checker)) return 'argument';
  if (returnsContainerElement(declaration, checker)) return 'borrowed';
  const implementation = implementationOf(declaration, checker);
  if ((implementation as ts.FunctionLikeDeclaration).body === undefined) {
    if (ts.getCombinedModifierFlags(implementation) & ts.ModifierFlags.Abstract) return 'borrowed';
    // Without a body the type is all there is: exactly the receiver's type means a fluent call.
    if (receiver !== undefined && checker.getTypeAtLocation(receiver) === resultType) return 'receiver';
    return 'owned';
  }
  return bodyOwns(implementation, checker, depth) ? 'owned' : 'borrowed';
}

function receiverOf(call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipOuterTsExpressions(call.expression);
  return ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? callee.expression : undefined;
}

const CALLABLE_INTERFACES = new Set(['CallableFunction', 'NewableFunction', 'Function']);

/** For `f.call(…)` / `f.apply(…)` on a function with one signature: that signature's declaration and arguments. */
function calledThroughCallOrApply(
  call: ts.CallExpression,
  declaration: ts.SignatureDeclaration,
  checker: ts.TypeChecker,
): { declaration: ts.SignatureDeclaration; args: readonly ts.Expression[]; resultType: ts.Type } | undefined {
  const name = declaration.name !== undefined && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
  if (name !== 'call' && name !== 'apply') return undefined;
  const owner = declaration.parent;
  if (!ts.isInterfaceDeclaration(owner) || !CALLABLE_INTERFACES.has(owner.name.text)) return undefined;
  const callee = skipOuterTsExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const signatures = checker.getTypeAtLocation(callee.expression).getCallSignatures();
  const [first] = signatures;
  const declarations = signatures.map((signature) => signature.getDeclaration() as ts.SignatureDeclaration | undefined);
  const [target] = declarations;
  if (first === undefined || target === undefined || declarations.includes(undefined)) return undefined;
  // Overloads: which one runs is unknown, so only an answer they all share counts (`server.listen`
  // returns `this` in every overload, so `listen.apply(server, args)` hands back `server`).
  if (signatures.length > 1 && !declarations.every((declaration) => declaration !== undefined && returnsThisType(declaration, checker))) return undefined;
  return { declaration: target, args: name === 'call' ? call.arguments.slice(1) : [], resultType: first.getReturnType() };
}

/** The signature's return type is `this`, declared or inferred, directly or as a promise of it. */
function returnsThisType(declaration: ts.SignatureDeclaration, checker: ts.TypeChecker): boolean {
  if (declaration.type?.kind === ts.SyntaxKind.ThisType) return true;
  const declared = checker.getSignatureFromDeclaration(declaration);
  if (declared === undefined) return false;
  const returned = checker.getReturnTypeOfSignature(declared);
  return isThisType(returned) || isThisType(checker.getAwaitedType(returned));
}

function isThisType(type: ts.Type | undefined): boolean {
  return type !== undefined && (type.flags & ts.TypeFlags.TypeParameter) !== 0 && (type as { isThisType?: boolean }).isThisType === true;
}

/**
 * A type parameter of the signature is the declared type of one of its parameters and appears in
 * the declared return type, and the call's result has exactly the type of that argument.
 */
function returnsArgument(declaration: ts.SignatureDeclaration, args: readonly ts.Expression[], resultType: ts.Type, checker: ts.TypeChecker): boolean {
  const typeParameters = declaration.typeParameters;
  const returnNode = declaration.type;
  if (typeParameters === undefined || returnNode === undefined) return false;
  const mentioned = typeParameterNamesIn(returnNode, new Set(typeParameters.map((parameter) => parameter.name.text)));
  if (mentioned.size === 0) return false;
  const awaited = checker.getAwaitedType(resultType);
  return declaration.parameters.some((parameter, index) => {
    const type = parameter.type;
    if (parameter.dotDotDotToken !== undefined || type === undefined || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return false;
    if (!mentioned.has(type.typeName.text)) return false;
    const argument = args[index];
    if (argument === undefined || ts.isSpreadElement(argument)) return false;
    const argumentType = checker.getTypeAtLocation(argument);
    return argumentType === resultType || argumentType === awaited;
  });
}

function typeParameterNamesIn(node: ts.TypeNode, names: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const visit = (current: ts.Node): void => {
    if (ts.isTypeReferenceNode(current) && ts.isIdentifier(current.typeName) && names.has(current.typeName.text)) found.add(current.typeName.text);
    ts.forEachChild(current, visit);
  };
  visit(node);
  return found;
}

/**
 * The declared return type, without `| undefined`, `| null` and a `Promise<…>` around it, is a
 * type parameter of the class, interface or type the method belongs to: an element it holds.
 */
function returnsContainerElement(declaration: ts.SignatureDeclaration, checker: ts.TypeChecker): boolean {
  const node = withoutNullishOrPromise(declaration.type);
  if (node === undefined || !ts.isTypeReferenceNode(node) || !ts.isIdentifier(node.typeName)) return false;
  const parameter = checker.getSymbolAtLocation(node.typeName)?.declarations?.[0];
  if (parameter === undefined || !ts.isTypeParameterDeclaration(parameter)) return false;
  const owner = parameter.parent;
  return owner !== declaration && (ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner) || ts.isTypeAliasDeclaration(owner));
}

function withoutNullishOrPromise(node: ts.TypeNode | undefined): ts.TypeNode | undefined {
  let current = node;
  for (let step = 0; current !== undefined && step < 4; step += 1) {
    if (ts.isParenthesizedTypeNode(current)) {
      current = current.type;
    } else if (ts.isUnionTypeNode(current)) {
      const rest = current.types.filter((member) => !isNullishTypeNode(member));
      if (rest.length !== 1) return current;
      current = rest[0];
    } else if (
      ts.isTypeReferenceNode(current) &&
      ts.isIdentifier(current.typeName) &&
      (current.typeName.text === 'Promise' || current.typeName.text === 'PromiseLike') &&
      current.typeArguments?.length === 1
    ) {
      current = current.typeArguments[0];
    } else {
      return current;
    }
  }
  return current;
}

function isNullishTypeNode(node: ts.TypeNode): boolean {
  return (
    node.kind === ts.SyntaxKind.UndefinedKeyword ||
    node.kind === ts.SyntaxKind.VoidKeyword ||
    (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword)
  );
}

interface OwnershipTags {
  /** A bare `@owns` / `@borrows`: about the result. */
  result: 'owned' | 'borrowed' | undefined;
  owns: Set<string>;
  borrows: Set<string>;
}

const tagsPerDeclaration = new WeakMap<ts.Node, OwnershipTags>();
const TAG = /@(owns|borrows)\b[ \t]*([A-Za-z_$][\w$]*)?/g;

/**
 * The `@owns` / `@borrows` tags in the JSDoc comments before a declaration (or before the
 * variable statement or property that holds it). Read from the text, so they count in
 * declaration files and whatever JSDoc parsing mode built the program.
 */
function ownershipTags(declaration: ts.Node): OwnershipTags {
  let tags = tagsPerDeclaration.get(declaration);
  if (tags !== undefined) return tags;
  tags = { result: undefined, owns: new Set(), borrows: new Set() };
  const file = declaration.getSourceFile();
  // Most files (the lib, @types/node) have no tag at all: one test of the text per file
  // spares reading the comments of each of their declarations.
  if (!fileHasTag(file, 'owns') && !fileHasTag(file, 'borrows')) {
    tagsPerDeclaration.set(declaration, tags);
    return tags;
  }
  const parameterNames = new Set(
    ts.isFunctionLike(declaration) ? declaration.parameters.flatMap((parameter) => (ts.isIdentifier(parameter.name) ? [parameter.name.text] : [])) : [],
  );
  for (const holder of commentHolders(declaration)) {
    for (const range of ts.getLeadingCommentRanges(file.text, holder.pos) ?? []) {
      const comment = file.text.slice(range.pos, range.end);
      if (!comment.startsWith('/**')) continue;
      for (const match of comment.matchAll(TAG)) {
        const kind = match[1] === 'owns' ? 'owns' : 'borrows';
        const name = match[2];
        if (name !== undefined && parameterNames.has(name)) tags[kind].add(name);
        else tags.result ??= kind === 'owns' ? 'owned' : 'borrowed';
      }
    }
  }
  tagsPerDeclaration.set(declaration, tags);
  return tags;
}

/** The declaration and the statement or member its JSDoc may stand before. */
function commentHolders(declaration: ts.Node): ts.Node[] {
  const holders = [declaration];
  ts.findAncestor(declaration.parent, (current) => {
    const carries =
      ts.isArrowFunction(current) ||
      ts.isFunctionExpression(current) ||
      ts.isVariableDeclaration(current) ||
      ts.isVariableDeclarationList(current) ||
      ts.isVariableStatement(current) ||
      ts.isPropertyAssignment(current) ||
      ts.isPropertyDeclaration(current) ||
      ts.isPropertySignature(current);
    if (!carries) return 'quit';
    holders.push(current);
    return ts.isVariableStatement(current) || ts.isPropertyAssignment(current) || ts.isPropertyDeclaration(current) || ts.isPropertySignature(current);
  });
  return holders;
}

function returnTag(declaration: ts.SignatureDeclaration, checker: ts.TypeChecker): 'owned' | 'borrowed' | undefined {
  return ownershipTags(declaration).result ?? ownershipTags(implementationOf(declaration, checker)).result;
}

function declarationOwns(declaration: ts.Declaration | undefined, checker: ts.TypeChecker, depth: number): boolean {
  if (declaration === undefined || !ts.isFunctionLike(declaration)) return true;
  const tagged = returnTag(declaration, checker);
  if (tagged !== undefined) return tagged === 'owned';
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

const NO_VALUE = ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never;

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
  // `return x ?? null`, `return found ? x : undefined`: no value on that path.
  if (node.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(node) || (ts.isIdentifier(node) && node.text === 'undefined')) return false;
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
    // `return abort(socket)` where `abort` returns nothing: no value on that path. Read from the
    // resolved signature, which the checker caches, rather than from the call's type.
    if ((resolvedCall(node, checker)?.signature.getReturnType().flags ?? 0) & NO_VALUE) return false;
    if (depth >= MAX_DEPTH) return true;
    // `return super.end()`, `return this.#frames.get(id)`: the callee says what it hands back.
    return resultOf(node, checker, depth + 1) === 'owned';
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
