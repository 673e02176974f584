/**
 * Finding FinalizationRegistry cleanup callbacks and register/unregister calls through the type
 * checker. Shared by the finalizer rules. Everything here answers "I don't know" (undefined or
 * false) instead of guessing when a callback or registry cannot be resolved in the linted file.
 */
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';

import type { ClassNode, FunctionNode } from './ast/functions.js';
import { memberName } from './ast/member-names.js';
import { resolveFunction } from './ast/resolve-function.js';
import { getThisScope } from './ast/this-scope.js';
import { skipOuterEsExpressions, skipOuterTsExpressions } from './ast/wrappers.js';

export type CleanupFunction = FunctionNode;

export interface RegistryCall {
  kind: 'register' | 'unregister';
  call: TSESTree.CallExpression;
  /** The expression the method is called on (`reg` in `reg.register(...)`). */
  registry: TSESTree.Expression;
}

// `unregister(` contains `register(`, so one pattern covers both method names.
const PREFILTER = /FinalizationRegistry|register\s*\(/;

/**
 * Cheap text pre-filter: false when the file cannot involve a registry (it mentions neither
 * `FinalizationRegistry` nor `register(` / `unregister(`). A file that only constructs a
 * subclass imported from elsewhere under another name is not seen; that is the price of
 * skipping ordinary files for free.
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
  if (symbol.getName() === 'FinalizationRegistry' && isDeclaredInLibrary(symbol)) return true;
  if ((symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) === 0) return false;
  const target = isTypeReference(type) ? type.target : type;
  if (!target.isClassOrInterface()) return false;
  for (const base of checker.getBaseTypes(target)) {
    if (base === type || base === target) continue;
    if (computeIsRegistryType(base, checker, depth + 1)) return true;
  }
  return false;
}

function isTypeReference(type: ts.Type): type is ts.TypeReference {
  return (type.flags & ts.TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0;
}

/** The real registry comes from a `.d.ts` (the TypeScript lib); a user class of that name does not. */
function isDeclaredInLibrary(symbol: ts.Symbol): boolean {
  const declarations = symbol.getDeclarations() ?? [];
  return declarations.some((declaration) => declaration.getSourceFile().isDeclarationFile);
}

/** The lib's `new <T>(cleanupCallback: (heldValue: T) => void)` signature. */
function isLibraryRegistryConstructSignature(declaration: ts.Declaration): boolean {
  if (!ts.isConstructSignatureDeclaration(declaration)) return false;
  const owner = declaration.parent;
  return (
    ts.isInterfaceDeclaration(owner) &&
    owner.name.text === 'FinalizationRegistryConstructor' &&
    declaration.getSourceFile().isDeclarationFile
  );
}

type CallbackSource = { kind: 'argument'; index: number } | { kind: 'expression'; expression: ts.Expression };

/**
 * Where the cleanup callback of a construction comes from, given the constructor that runs:
 * the lib constructor takes it as argument 0; a subclass constructor passes something to
 * `super(...)`, either one of its own parameters (followed) or an expression of its own.
 */
function callbackSourceOfSignature(
  signature: ts.Signature | undefined,
  checker: ts.TypeChecker,
  depth: number,
): CallbackSource | undefined {
  const declaration: ts.SignatureDeclaration | undefined = signature?.getDeclaration();
  if (declaration === undefined || depth > 4) return undefined;
  if (isLibraryRegistryConstructSignature(declaration)) return { kind: 'argument', index: 0 };
  if (!ts.isConstructorDeclaration(declaration) || declaration.body === undefined) return undefined;
  const superCall = findSuperCall(declaration.body);
  if (superCall === undefined) return undefined;
  const inner = callbackSourceOfSignature(checker.getResolvedSignature(superCall), checker, depth + 1);
  if (inner?.kind !== 'argument') return undefined;
  const passed = superCall.arguments[inner.index];
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
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type !== AST_NODE_TYPES.Super) return undefined;
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
  // Most `new` expressions construct something else: check the constructed type first.
  if (node.type === AST_NODE_TYPES.NewExpression) {
    if (!isFinalizationRegistryType(services.getTypeAtLocation(node), checker)) return undefined;
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
  if (!isFinalizationRegistryType(objectType, checker)) return undefined;
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
  let expression = skipOuterTsExpressions(initializer);
  if (ts.isConditionalExpression(expression)) {
    // Feature-detected registries: exactly one branch constructs the registry.
    const branches = [expression.whenTrue, expression.whenFalse].map(skipOuterTsExpressions).filter(ts.isNewExpression);
    if (branches.length !== 1 || branches[0] === undefined) return undefined;
    expression = branches[0];
  }
  const estree = toEsTree(expression, services);
  return estree?.type === AST_NODE_TYPES.NewExpression ? estree : undefined;
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
