/**
 * Finding FinalizationRegistry cleanup callbacks and register/unregister calls through the type
 * checker. Shared by the finalizer rules. Everything here answers "I don't know" (undefined or
 * false) instead of guessing when a callback or registry cannot be resolved in the linted file.
 */
import { isBuiltinSymbolLike } from '@typescript-eslint/type-utils';
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';

import type { ClassNode, FunctionNode } from './ast/functions.js';
import { memberName } from './ast/member-names.js';
import { resolveFunction } from './ast/resolve-function.js';
import { getThisScope } from './ast/this-scope.js';
import { skipOuterEsExpressions, skipOuterTsExpressions } from './ast/wrappers.js';
import { isTypeReference } from './type-graph.js';

export type CleanupFunction = FunctionNode;

export interface RegistryCall {
  kind: 'register' | 'unregister';
  call: TSESTree.CallExpression;
  /** The expression the method is called on (`reg` in `reg.register(...)`). */
  registry: TSESTree.Expression;
}

// Both method names, also after `?.` or with a line break before the dot.
const PREFILTER = /FinalizationRegistry|\.\s*(?:un)?register\s*\(/;

/**
 * Cheap text pre-filter: false when the file cannot involve a registry (it mentions neither
 * `FinalizationRegistry` nor a method call `.register(` / `.unregister(`). A file that only
 * constructs a subclass imported from elsewhere under another name, or that calls a registry's
 * method through a destructured function, is not seen; that is the price of skipping ordinary
 * files (a call of a plain function named `unregister()`, the usual name of a teardown) for free.
 */
export function mayInvolveFinalizationRegistry(sourceText: string): boolean {
  return PREFILTER.test(sourceText);
}

const registryTypeCache = new WeakMap<ts.Type, boolean>();

/**
 * True for FinalizationRegistry<T>, its aliases and subclasses, and unions with at least one
 * such member (cached per type).
 */
export function isFinalizationRegistryType(type: ts.Type, checker: ts.TypeChecker): boolean {
  const cached = registryTypeCache.get(type);
  if (cached !== undefined) return cached;
  // Guard against self-referential base types while the answer is being computed.
  registryTypeCache.set(type, false);
  const result = computeIsRegistryType(type, checker, 0);
  registryTypeCache.set(type, result);
  return result;
}

function computeIsRegistryType(type: ts.Type, checker: ts.TypeChecker, depth: number): boolean {
  if (depth > 8) return false;
  if (type.isUnion()) {
    // `FinalizationRegistry<T> | undefined` (an optional field) is a registry once present, and
    // so is wasm-bindgen's `typeof FinalizationRegistry === 'undefined' ? { register() {}, ... }
    // : new FinalizationRegistry(...)`: a register call on it registers wherever registries exist.
    return type.types.some((part) => isFinalizationRegistryType(part, checker));
  }
  if (type.isIntersection()) return type.types.some((part) => isFinalizationRegistryType(part, checker));
  if ((type.flags & ts.TypeFlags.TypeParameter) !== 0) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint !== undefined && constraint !== type && isFinalizationRegistryType(constraint, checker);
  }
  const symbol = type.getSymbol();
  if (symbol === undefined) return false;
  if (symbol.getName() === 'FinalizationRegistry' && isHostRegistryDeclaration(symbol)) return true;
  if ((symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) === 0) return false;
  const target = isTypeReference(type) ? type.target : type;
  if (!target.isClassOrInterface()) return false;
  for (const base of checker.getBaseTypes(target)) {
    if (base === type || base === target) continue;
    if (computeIsRegistryType(base, checker, depth + 1)) return true;
  }
  return false;
}

/**
 * A declaration of the host's registry: the TypeScript lib's, or a redeclaration of it that
 * code written against an older lib carries (`interface FinalizationRegistry<T> { … }`,
 * `declare var FinalizationRegistry: …`, `declare class FinalizationRegistry`). A class with a
 * body of its own (a polyfill, a test double) is something else that shares the name.
 */
function isHostRegistryDeclaration(symbol: ts.Symbol): boolean {
  const declarations = symbol.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every(isAmbientDeclaration);
}

function isAmbientDeclaration(declaration: ts.Declaration): boolean {
  if (declaration.getSourceFile().isDeclarationFile || ts.isInterfaceDeclaration(declaration)) return true;
  // Behind `declare` itself or inside a `declare global` / `declare module` block.
  const declared = ts.findAncestor(
    declaration,
    (node) => ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword) === true,
  );
  return declared !== undefined;
}

/**
 * A constructor expression that is the host's `FinalizationRegistry`: the lib's global, an
 * ambient redeclaration of it (`declare var FinalizationRegistry: any`, common in glue written
 * for older libs; `globalThis.FinalizationRegistry` declared in `declare namespace globalThis`),
 * a global the checker knows nothing about in untyped code, or a `const` (also imported) that
 * holds one of those where it exists (`const Local = typeof FinalizationRegistry ===
 * 'undefined' ? undefined : FinalizationRegistry`).
 */
export function isHostRegistryConstructor(callee: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const node = services.esTreeNodeToTSNodeMap.get(skipOuterEsExpressions(callee));
  return ts.isExpression(node) && isHostRegistryValue(node, services.program.getTypeChecker(), 0);
}

function isHostRegistryValue(expression: ts.Expression, checker: ts.TypeChecker, depth: number): boolean {
  if (depth > 4) return false;
  const node = skipOuterTsExpressions(expression);
  if (ts.isConditionalExpression(node)) {
    return isHostRegistryValue(node.whenTrue, checker, depth + 1) || isHostRegistryValue(node.whenFalse, checker, depth + 1);
  }
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
      node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
  ) {
    return isHostRegistryValue(node.right, checker, depth + 1) || isHostRegistryValue(node.left, checker, depth + 1);
  }
  let nameNode: ts.Node;
  if (ts.isIdentifier(node)) nameNode = node;
  // `globalThis.FinalizationRegistry`, `window.FinalizationRegistry`.
  else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) nameNode = node.name;
  else return false;
  let symbol = checker.getSymbolAtLocation(nameNode);
  const named = (nameNode as ts.Identifier).text === 'FinalizationRegistry';
  if (symbol === undefined) return named;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  if (named && symbol.getName() === 'FinalizationRegistry' && isHostRegistryDeclaration(symbol)) return true;
  // A `const` that holds the constructor, here or in the module it is imported from.
  const declaration = symbol.valueDeclaration;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return false;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
  return isHostRegistryValue(declaration.initializer, checker, depth + 1);
}

/**
 * A construct signature without a body of its own, as the lib's
 * `new <T>(cleanupCallback: (heldValue: T) => void)` or a redeclaration of it: the callback is
 * the first argument. (Only asked once the constructed value is known to be a registry.)
 */
function isRegistryConstructSignature(declaration: ts.Declaration): boolean {
  return ts.isConstructSignatureDeclaration(declaration) || ts.isConstructorTypeNode(declaration);
}

type CallbackSource = { kind: 'argument'; index: number } | { kind: 'expression'; expression: ts.Expression };

/**
 * Where the cleanup callback of a construction comes from, given what runs: the lib constructor
 * takes it as argument 0; a subclass constructor passes something to `super(...)`, and a factory
 * (`function newFinalizer(handler) { return new FinalizationRegistry(handler); }`) to the
 * registry it returns: either one of its own parameters (followed) or an expression of its own.
 */
function callbackSourceOfSignature(
  signature: ts.Signature | undefined,
  checker: ts.TypeChecker,
  depth: number,
): CallbackSource | undefined {
  const declaration: ts.SignatureDeclaration | undefined = signature?.getDeclaration();
  if (declaration === undefined || depth > 4) return undefined;
  if (isRegistryConstructSignature(declaration)) return { kind: 'argument', index: 0 };
  const body = (declaration as ts.FunctionLikeDeclaration).body;
  if (body === undefined) return undefined;
  let inner: ts.CallExpression | ts.NewExpression | undefined;
  if (ts.isConstructorDeclaration(declaration)) {
    if (ts.isBlock(body)) inner = findSuperCall(body);
  } else {
    inner = returnedConstruction(body);
  }
  if (inner === undefined) return undefined;
  const innerSource = ts.isNewExpression(inner) && isHostRegistryValue(inner.expression, checker, 0)
    ? { kind: 'argument' as const, index: 0 }
    : callbackSourceOfSignature(checker.getResolvedSignature(inner), checker, depth + 1);
  if (innerSource?.kind !== 'argument') return undefined;
  const passed = inner.arguments?.[innerSource.index];
  if (passed === undefined) return undefined;
  const unwrapped = skipOuterTsExpressions(passed);
  if (ts.isIdentifier(unwrapped)) {
    const parameterIndex = declaration.parameters.findIndex(
      (parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === unwrapped.text,
    );
    if (parameterIndex !== -1) {
      const parameter = declaration.parameters[parameterIndex];
      // A rest parameter would shift the positions; do not guess.
      if (parameter?.dotDotDotToken !== undefined) return undefined;
      return { kind: 'argument', index: parameterIndex };
    }
  }
  return { kind: 'expression', expression: passed };
}

/** The one construction or call a function body returns (an arrow's expression body included). */
function returnedConstruction(body: ts.ConciseBody): ts.CallExpression | ts.NewExpression | undefined {
  let returned: ts.Expression | undefined;
  if (ts.isBlock(body)) {
    const returns = body.statements.filter(ts.isReturnStatement);
    if (returns.length !== 1) return undefined;
    returned = returns[0]?.expression;
  } else {
    returned = body;
  }
  if (returned === undefined) return undefined;
  // `return supported ? new FinalizationRegistry(cb) : null`: the one construction it can be.
  const constructions = constructionsIn(returned);
  return constructions.length === 1 ? constructions[0] : undefined;
}

function findSuperCall(body: ts.Block): ts.CallExpression | undefined {
  for (const statement of body.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expression = skipOuterTsExpressions(statement.expression);
    if (ts.isCallExpression(expression) && expression.expression.kind === ts.SyntaxKind.SuperKeyword) {
      return expression;
    }
  }
  return undefined;
}

/**
 * For `new X(cb, ...)` where X constructs a FinalizationRegistry (global, alias, subclass): the
 * resolved cleanup function in THIS file, or undefined when it cannot be resolved (never
 * guessed). For `super(cb)` in a subclass constructor, the `cb` counts. Only arguments of
 * `node` itself are returned, so a callback written inside a subclass constructor belongs to
 * that `super(...)` call and not to every `new Subclass()`; consumers that visit both see each
 * callback once (the same function passed to two registries is seen twice).
 */
export function getCleanupCallback(
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation,
): CleanupFunction | undefined {
  const source = callbackSourceOfCall(node, services);
  if (source?.kind !== 'argument') return undefined;
  const argument = node.arguments[source.index];
  if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return resolveFunction(argument, services);
}

function callbackSourceOfCall(
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation,
): CallbackSource | undefined {
  const checker = services.program.getTypeChecker();
  // Most `new` expressions and calls make something else: check the type of what they make first.
  if (node.type === AST_NODE_TYPES.NewExpression && !isFinalizationRegistryType(services.getTypeAtLocation(node), checker)) {
    // Untyped: `new FinalizationRegistry(cb)` against `declare var FinalizationRegistry: any`.
    return isHostRegistryConstructor(node.callee, services) ? { kind: 'argument', index: 0 } : undefined;
  }
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type !== AST_NODE_TYPES.Super &&
    !isFinalizationRegistryType(services.getTypeAtLocation(node), checker)
  ) {
    return undefined;
  }
  return callbackSourceOfSignature(services.getResolvedSignature(node), checker, 0);
}

/** The ESTree node for a TS node, when that node belongs to the linted file. */
function toEsTree(node: ts.Node, services: ParserServicesWithTypeInformation): TSESTree.Node | undefined {
  if (!services.tsNodeToESTreeNodeMap.has(node)) return undefined;
  return services.tsNodeToESTreeNodeMap.get<TSESTree.Node>(node);
}

const REGISTRY_METHODS = new Set(['register', 'unregister']);

/** `x.register(...)` / `x.unregister(...)` where `x`'s type is a FinalizationRegistry (any module). */
export function getRegistryCall(
  node: TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation,
): RegistryCall | undefined {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  if (name === undefined || !REGISTRY_METHODS.has(name)) return undefined;
  const checker = services.program.getTypeChecker();
  const objectType = services.getTypeAtLocation(callee.object);
  if (!isFinalizationRegistryType(objectType, checker)) {
    // A registry whose type says nothing (`any`, a class the code declared for it under another
    // name) is known by the construction it was initialised with.
    const construction = getRegistryConstruction(callee.object, services);
    if (construction?.type !== AST_NODE_TYPES.NewExpression || !isHostRegistryConstructor(construction.callee, services)) return undefined;
  }
  return { kind: name as RegistryCall['kind'], call: node, registry: callee.object };
}

/**
 * The cleanup callback of the registry that `registry` evaluates to, when that registry is
 * constructed in this file: a variable (`const reg = new FinalizationRegistry(cb)`), a class
 * field or static field with such an initializer, `this` inside a registry subclass whose
 * constructor passes the callback to `super`, or the construction expression itself.
 */
export function getCallbackOfRegistry(
  registry: TSESTree.Expression,
  services: ParserServicesWithTypeInformation,
): CleanupFunction | undefined {
  const construction = getRegistryConstruction(registry, services);
  return construction === undefined ? undefined : callbackOfConstruction(construction, services);
}

/**
 * The `new ...` expression (or subclass `super(...)` call) in this file that created the
 * registry `registry` refers to, if it can be found without guessing.
 */
export function getRegistryConstruction(
  registry: TSESTree.Expression,
  services: ParserServicesWithTypeInformation,
): TSESTree.NewExpression | TSESTree.CallExpression | undefined {
  const node = skipOuterEsExpressions(registry);
  if (node.type === AST_NODE_TYPES.NewExpression) return node;
  if (node.type === AST_NODE_TYPES.ThisExpression) return superCallOfEnclosingRegistryClass(node, services);
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const symbol = services.getSymbolAtLocation(node);
  const declarations = symbol?.getDeclarations();
  if (declarations?.length !== 1) return undefined;
  const [declaration] = declarations;
  if (declaration === undefined) return undefined;
  let initializer: ts.Expression | undefined;
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) {
    initializer = declaration.initializer;
  } else if (ts.isBinaryExpression(declaration)) {
    // JS files: `this.registry = new FinalizationRegistry(...)` declares the property.
    initializer = declaration.right;
  }
  if (initializer === undefined) return undefined;
  const constructions = constructionsIn(initializer);
  // Feature-detected registries (`supported ? new FinalizationRegistry(cb) : undefined`,
  // `hasRegistry && new FinalizationRegistry(cb)`): exactly one branch constructs it.
  const [construction] = constructions;
  if (constructions.length !== 1 || construction === undefined) return undefined;
  const estree = toEsTree(construction, services);
  if (estree?.type === AST_NODE_TYPES.NewExpression) return estree;
  // A factory call counts when it makes a registry (callbackOfConstruction follows it).
  return estree?.type === AST_NODE_TYPES.CallExpression && callbackSourceOfCall(estree, services) !== undefined ? estree : undefined;
}

/**
 * The `new` expressions and calls (of a factory that returns a registry) an initializer can
 * evaluate to, through conditional and logical branches.
 */
function constructionsIn(expression: ts.Expression): (ts.NewExpression | ts.CallExpression)[] {
  const node = skipOuterTsExpressions(expression);
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) return [node];
  if (ts.isConditionalExpression(node)) return [...constructionsIn(node.whenTrue), ...constructionsIn(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
      node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
  ) {
    return [...constructionsIn(node.left), ...constructionsIn(node.right)];
  }
  return [];
}

function callbackOfConstruction(
  construction: TSESTree.NewExpression | TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation,
): CleanupFunction | undefined {
  const source = callbackSourceOfCall(construction, services);
  if (source === undefined) return undefined;
  if (source.kind === 'argument') {
    const argument = construction.arguments[source.index];
    if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    return resolveFunction(argument, services);
  }
  const estree = toEsTree(source.expression, services);
  return estree === undefined ? undefined : resolveFunction(estree, services);
}

/** `this` inside a class that extends a registry: the class's own `super(cb)` call. */
function superCallOfEnclosingRegistryClass(
  node: TSESTree.ThisExpression,
  services: ParserServicesWithTypeInformation,
): TSESTree.CallExpression | undefined {
  const owner = thisOwner(node);
  if (owner === undefined) return undefined;
  const ctor = owner.body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
  );
  const body = ctor?.value.body;
  if (body === undefined || body === null) return undefined;
  for (const statement of body.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Super) {
      return callbackSourceOfCall(expression, services) === undefined ? undefined : expression;
    }
  }
  return undefined;
}

/** The class whose instance `this` denotes at `node`, if any. */
function thisOwner(node: TSESTree.Node): ClassNode | undefined {
  const scope = getThisScope(node);
  return scope.kind === 'instance' ? scope.classNode : undefined;
}

/**
 * Built-in objects that are memory and nothing else: buffers, their views and a wasm memory. The
 * only end of such an object's life is the garbage collector's, so memory tied to one (a wasm
 * allocation behind a `SharedArrayBuffer` handed to JavaScript) can only be given back by a
 * finalizer; there is no owner that could dispose it.
 */
const MEMORY_TYPES = [
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float16Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'Memory',
];

/** Whether values of `type` are built-in memory (every member of a union; subclasses too). */
export function isMemoryType(program: ts.Program, type: ts.Type): boolean {
  if ((type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0) return false;
  return isBuiltinSymbolLike(program, type, MEMORY_TYPES);
}
