import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';

import type { FunctionNode } from './ast/functions.js';
import { calleePath, memberName } from './ast/member-names.js';
import { resolveFunction } from './ast/resolve-function.js';
import { isNode } from './ast/walk.js';
import { getRegistryCall } from './finalization-registry.js';
import { outermostWrapper } from './ast/wrappers.js';
import { shortened } from './message-text.js';
import { isTypeReference } from './type-graph.js';

/** A function whose body the analysis can walk. */
export type AnalyzedFunction = FunctionNode;

export type ThrowSiteKind =
  | 'await'
  | 'call'
  | 'floating'
  | 'helper'
  | 'new'
  | 'nonNull'
  | 'nullableAccess'
  | 'nullableCall'
  | 'throw';

/** One place in a function body where an exception can start and escape the function. */
export interface ThrowSite {
  kind: ThrowSiteKind;
  node: TSESTree.Node;
  /** Short source text naming what throws: the callee, the nullable value, the helper. */
  name: string;
  /** For `helper`: the first site inside the called same-file function that can throw. */
  inner?: ThrowSite;
  /**
   * A rejection that no `try` can catch: a promise nobody awaits or handles (`floating`), or a
   * helper whose body starts one.
   */
  escapesTry?: boolean;
}

export interface ThrowAnalysisOptions {
  /** Callee patterns known not to throw (see {@link parseAllowPattern}). */
  allow: readonly string[];
  /** How many levels of calls to functions of the same file are followed. */
  maxDepth: number;
  /**
   * Report calls, `new` and tagged templates whose callee has no type (`any`): in untyped code
   * nothing tells whether they throw. Off, they are taken as safe.
   */
  checkUntypedCalls?: boolean;
}

export interface ThrowAnalyzer {
  /** Sites in `fn`'s body that can throw out of `fn`, in source order. */
  sitesOf: (fn: AnalyzedFunction) => readonly ThrowSite[];
}

/**
 * An `allow` entry. `name` is a plain callee (`clearTimeout`, `Map` for `new Map()`), `a.b` a
 * dotted callee path where `*` stands for any last segment (`console.*`), and `Type#method` a
 * method declared by the interface or class `Type` (`Map#delete`, `Set#*`), whatever the
 * receiver expression is.
 */
type AllowPattern =
  | { kind: 'method'; typeName: string; method: string }
  | { kind: 'path'; segments: readonly string[] };

/** Accepted by the rule schema; kept next to the parser so they cannot disagree. */
export const ALLOW_PATTERN_SOURCE =
  '^(?:[A-Za-z_$][\\w$]*#(?:[A-Za-z_$][\\w$]*|\\*)|[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*(?:\\.\\*)?)$';

/**
 * Methods that call their function arguments before they return, so those functions' bodies run
 * inside the cleanup callback. Used only where the method itself is allowed.
 */
const SYNC_CALLBACK_PATTERNS: readonly { typeName: string; method: string }[] = [
  ...['Array', 'ReadonlyArray'].flatMap((typeName) =>
    ['every', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'forEach', 'map', 'reduce', 'reduceRight', 'some', 'sort', 'toSorted'].map(
      (method) => ({ typeName, method }),
    ),
  ),
  ...['Map', 'Set', 'ReadonlyMap', 'ReadonlySet'].map((typeName) => ({ typeName, method: 'forEach' })),
];

/** `p.then(…)`, `p.catch(…)`, `p.finally(…)`: the promise they return settles as their receiver does. */
function isPromiseChainMethod(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  return name === 'then' || name === 'catch' || name === 'finally';
}

export function parseAllowPattern(pattern: string): AllowPattern {
  const hash = pattern.indexOf('#');
  if (hash >= 0) {
    return { kind: 'method', typeName: pattern.slice(0, hash), method: pattern.slice(hash + 1) };
  }
  return { kind: 'path', segments: pattern.split('.') };
}

const MAX_NAME_LENGTH = 40;

/**
 * Builds an analyzer for one file. Results are cached per function node and remaining depth,
 * so a helper called from several callbacks is walked once; nothing outlives the file.
 */
export function createThrowAnalyzer(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: ThrowAnalysisOptions,
): ThrowAnalyzer {
  const checker = services.program.getTypeChecker();
  const visitorKeys = sourceCode.visitorKeys;
  const patterns = options.allow.map(parseAllowPattern);
  const cache = new Map<AnalyzedFunction, Map<number, readonly ThrowSite[]>>();
  const typeNamesCache = new WeakMap<ts.Declaration, ReadonlySet<string>>();
  const inProgress = new Set<AnalyzedFunction>();

  function sitesOf(fn: AnalyzedFunction, depth: number): readonly ThrowSite[] {
    // Calling a generator only creates an iterator: none of its body runs yet.
    if (fn.generator) return [];
    const cached = cache.get(fn)?.get(depth);
    if (cached) return cached;
    // A recursive helper adds nothing new: its sites are found on the first visit.
    if (inProgress.has(fn)) return [];
    inProgress.add(fn);
    const sites: ThrowSite[] = [];
    try {
      walk(fn.body, { sites, depth, catchParam: undefined, rethrows: false });
    } finally {
      inProgress.delete(fn);
    }
    const result = sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
    let byDepth = cache.get(fn);
    if (!byDepth) {
      byDepth = new Map();
      cache.set(fn, byDepth);
    }
    byDepth.set(depth, result);
    return result;
  }

  interface WalkState {
    sites: ThrowSite[];
    depth: number;
    /** The binding of the innermost enclosing `catch`, to recognise `throw error` rethrows. */
    catchParam: string | undefined;
    /** Set when the enclosing `catch` throws its own error again. */
    rethrows: boolean;
  }

  function walkChildren(node: TSESTree.Node, state: WalkState): void {
    const keys = visitorKeys[node.type] ?? [];
    const record = node as unknown as Record<string, unknown>;
    for (const key of keys) {
      const child = record[key];
      if (Array.isArray(child)) {
        for (const item of child) {
          if (isNode(item)) walk(item, state);
        }
      } else if (isNode(child)) {
        walk(child, state);
      }
    }
  }

  function walk(node: TSESTree.Node, state: WalkState): void {
    switch (node.type) {
      // Nested functions and classes do not run where they are written.
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
      // Types never run.
      case AST_NODE_TYPES.TSInterfaceDeclaration:
      case AST_NODE_TYPES.TSTypeAliasDeclaration:
      case AST_NODE_TYPES.TSTypeAnnotation:
      case AST_NODE_TYPES.TSTypeParameterInstantiation:
      case AST_NODE_TYPES.TSDeclareFunction:
      case AST_NODE_TYPES.TSModuleDeclaration:
        return;
      case AST_NODE_TYPES.TryStatement:
        walkTry(node, state);
        return;
      case AST_NODE_TYPES.ThrowStatement: {
        const argument = node.argument;
        if (state.catchParam !== undefined && argument.type === AST_NODE_TYPES.Identifier && argument.name === state.catchParam) {
          // Rethrowing the caught error: the sites of the try block are reported instead.
          state.rethrows = true;
        } else {
          state.sites.push({ kind: 'throw', node, name: nameOf(argument) });
        }
        return;
      }
      case AST_NODE_TYPES.TSNonNullExpression:
        walk(node.expression, state);
        state.sites.push({ kind: 'nonNull', node, name: nameOf(node.expression) });
        return;
      case AST_NODE_TYPES.AwaitExpression:
        walk(node.argument, state);
        state.sites.push({ kind: 'await', node, name: nameOf(node.argument) });
        return;
      case AST_NODE_TYPES.ForOfStatement:
        walkChildren(node, state);
        if (node.await) state.sites.push({ kind: 'await', node, name: nameOf(node.right) });
        return;
      case AST_NODE_TYPES.MemberExpression:
        walk(node.object, state);
        if (node.computed) walk(node.property, state);
        if (!node.optional && isPossiblyNullish(node.object)) {
          state.sites.push({ kind: 'nullableAccess', node, name: nameOf(node.object) });
        }
        return;
      case AST_NODE_TYPES.CallExpression:
        walkCall(node, state);
        return;
      case AST_NODE_TYPES.ImportExpression:
        walkChildren(node, state);
        if (isDiscarded(node, state.depth)) {
          state.sites.push({ kind: 'floating', node, name: 'import', escapesTry: true });
        } else {
          // Awaited or passed on: a failed import rejects like any other call that throws.
          state.sites.push({ kind: 'call', node, name: 'import' });
        }
        return;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        walkChildren(node, state);
        if (!isAllowedCallee(node.tag) && !isUntypedCallee(node.tag)) state.sites.push({ kind: 'call', node, name: nameOf(node.tag) });
        return;
      case AST_NODE_TYPES.NewExpression: {
        walk(node.callee, state);
        for (const argument of node.arguments) walk(argument, state);
        if (!isAllowedCallee(node.callee) && !isUntypedCallee(node.callee)) state.sites.push({ kind: 'new', node, name: nameOf(node.callee) });
        return;
      }
      default:
        walkChildren(node, state);
    }
  }

  function walkTry(node: TSESTree.TryStatement, state: WalkState): void {
    const handler = node.handler;
    let blockIsCaught = false;
    if (handler) {
      const param = handler.param?.type === AST_NODE_TYPES.Identifier ? handler.param.name : undefined;
      const catchState: WalkState = { sites: [], depth: state.depth, catchParam: param, rethrows: false };
      walk(handler.body, catchState);
      blockIsCaught = !catchState.rethrows && !catchState.sites.some((site) => site.kind === 'throw');
      state.sites.push(...catchState.sites);
    }
    if (blockIsCaught) {
      // The catch swallows what the block throws, but not the later rejection of a promise
      // that the block starts and leaves alone.
      const blockState: WalkState = { sites: [], depth: state.depth, catchParam: state.catchParam, rethrows: false };
      walk(node.block, blockState);
      state.sites.push(...blockState.sites.filter((site) => site.escapesTry === true));
    } else {
      walk(node.block, state);
    }
    if (node.finalizer) walk(node.finalizer, state);
  }

  function walkCall(node: TSESTree.CallExpression, state: WalkState): void {
    const callee = node.callee;
    const before = state.sites.length;
    walk(callee, state);
    for (const argument of node.arguments) walk(argument, state);
    if (callee.type === AST_NODE_TYPES.Super) return;
    const allowed = isAllowedCallee(callee);
    // An allowed callee's promise does not reject on its own (`worker.terminate()`); `then`,
    // `catch` and `finally` pass their receiver's outcome on, which handlesRejection judges.
    const rejectsOnItsOwn = !allowed || isPromiseChainMethod(callee);
    if (rejectsOnItsOwn && isDiscarded(node, state.depth) && !handlesRejection(node) && isThenable(node)) {
      state.sites.push({ kind: 'floating', node, name: nameOf(callee), escapesTry: true });
      return;
    }
    // `x.f()` with a nullish `x` is already reported once, at the member access.
    const calleeReported = state.sites.slice(before).some((site) => site.node === callee);
    if (calleeReported) return;
    if (!node.optional && isPossiblyNullish(callee)) {
      state.sites.push({ kind: 'nullableCall', node, name: nameOf(callee) });
      return;
    }
    if (allowed) {
      // `items.forEach((item) => …)`: the callback runs now, inside the cleanup callback.
      if (callsBackNow(callee)) walkCallbacksNow(node, state);
      return;
    }
    if (isUntypedCallee(callee)) return;
    // Unregistering from a registry: the token is the object that registered, so it cannot throw.
    if (getRegistryCall(node, services)?.kind === 'unregister') return;
    const helper = resolveSameFileFunction(callee);
    if (helper && state.depth < options.maxDepth) {
      const innerSites = sitesOf(helper, state.depth + 1);
      const escaping = innerSites.find((site) => site.escapesTry === true);
      const inner = escaping ?? innerSites[0];
      if (inner) state.sites.push({ kind: 'helper', node, name: nameOf(callee), inner, escapesTry: escaping !== undefined });
      return;
    }
    state.sites.push({ kind: 'call', node, name: nameOf(callee) });
  }

  /** The bodies of inline function arguments, walked as part of the function that calls them. */
  function walkCallbacksNow(node: TSESTree.CallExpression, state: WalkState): void {
    for (const argument of node.arguments) {
      if (
        (argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression) &&
        !argument.async &&
        !argument.generator
      ) {
        walk(argument.body, state);
      }
    }
  }

  function callsBackNow(callee: TSESTree.Node): boolean {
    return callee.type === AST_NODE_TYPES.MemberExpression && SYNC_CALLBACK_PATTERNS.some((pattern) => methodMatches(callee, pattern));
  }

  /**
   * A callee typed `any`: untyped code, about which nothing can be said unless asked to. One
   * kind stays reported: calling an untyped function the code was handed, a parameter or
   * something read from one (`const callback = held.callback; callback(param)`). That runs code
   * somebody else registered, which may throw whatever its types say.
   */
  function isUntypedCallee(callee: TSESTree.Node): boolean {
    if (options.checkUntypedCalls === true) return false;
    const type = services.getTypeAtLocation(callee);
    if ((type.flags & ts.TypeFlags.Any) === 0) return false;
    return !(callee.type === AST_NODE_TYPES.Identifier && comesFromParameter(services.esTreeNodeToTSNodeMap.get(callee), 0));
  }

  /** A parameter, or a `const` initialised from a parameter or a member chain of one. */
  function comesFromParameter(node: ts.Node, depth: number): boolean {
    if (depth > 4 || !ts.isIdentifier(node)) return false;
    const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
    if (declaration === undefined) return false;
    if (ts.isParameter(declaration)) return true;
    if (!ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return false;
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
    let root: ts.Expression = declaration.initializer;
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root) || ts.isParenthesizedExpression(root)) root = root.expression;
    return comesFromParameter(root, depth + 1);
  }

  function isThenable(node: TSESTree.Node): boolean {
    let type: ts.Type;
    try {
      type = services.getTypeAtLocation(node);
    } catch {
      return false;
    }
    const parts = type.isUnion() ? type.types : [type];
    return parts.some((part) => (part.flags & ts.TypeFlags.Object) !== 0 && checker.getPropertyOfType(part, 'then') !== undefined);
  }

  function isPossiblyNullish(node: TSESTree.Node): boolean {
    if (node.type === AST_NODE_TYPES.Super || node.type === AST_NODE_TYPES.ThisExpression) return false;
    const tsNode = services.esTreeNodeToTSNodeMap.get(node);
    let type: ts.Type;
    try {
      type = checker.getTypeAtLocation(tsNode);
    } catch {
      return false;
    }
    // Inside `a?.b.c`, the checker types `a?.b` with the `undefined` that the whole chain adds;
    // the access `.c` only runs when `a` was not nullish, so that part is not a real risk.
    if (isOptionalChainLink(node)) type = checker.getNonNullableType(type);
    return typeIncludesNullish(type);
  }

  function isAllowedCallee(callee: TSESTree.Node): boolean {
    if (patterns.length === 0) return false;
    const path = calleePath(callee);
    for (const pattern of patterns) {
      if (pattern.kind === 'path') {
        if (path && pathMatches(pattern.segments, path)) return true;
      } else if (callee.type === AST_NODE_TYPES.MemberExpression && methodMatches(callee, pattern)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The method is declared by the interface or class `Type` of the pattern, or by one that
   * extends it (lib.dom redeclares `removeEventListener` on `AbortSignal`, which extends
   * `EventTarget`; a user's `class Cache extends Map` inherits `Map#delete`).
   */
  function methodMatches(callee: TSESTree.MemberExpression, pattern: { typeName: string; method: string }): boolean {
    const propertyName = memberName(callee);
    if (propertyName === undefined) return false;
    if (pattern.method !== '*' && pattern.method !== propertyName) return false;
    const tsNode = services.esTreeNodeToTSNodeMap.get(callee);
    const nameNode = ts.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode.argumentExpression;
    const symbol = checker.getSymbolAtLocation(nameNode);
    for (const declaration of symbol?.declarations ?? []) {
      const owner = declaration.parent;
      if ((ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && typeNamesOf(owner).has(pattern.typeName)) {
        return true;
      }
    }
    return false;
  }

  /** The names of a class or interface and of everything it extends, cached per declaration. */
  function typeNamesOf(owner: ts.InterfaceDeclaration | ts.ClassDeclaration): ReadonlySet<string> {
    let names = typeNamesCache.get(owner);
    if (names !== undefined) return names;
    const found = new Set<string>();
    const visit = (type: ts.Type, depth: number): void => {
      const name = type.getSymbol()?.getName();
      if (name === undefined || found.has(name) || depth > 8) return;
      found.add(name);
      const target = isTypeReference(type) ? type.target : type;
      if (target.isClassOrInterface()) for (const base of checker.getBaseTypes(target)) visit(base, depth + 1);
    };
    if (owner.name !== undefined) found.add(owner.name.text);
    const ownerSymbol = owner.name === undefined ? undefined : checker.getSymbolAtLocation(owner.name);
    if (ownerSymbol !== undefined) {
      const declared = checker.getDeclaredTypeOfSymbol(ownerSymbol);
      if (declared.isClassOrInterface()) for (const base of checker.getBaseTypes(declared)) visit(base, 1);
    }
    names = found;
    typeNamesCache.set(owner, names);
    return names;
  }

  /** The function a call runs, when it is written in this file (src/ast/resolve-function.ts decides). */
  function resolveSameFileFunction(callee: TSESTree.Node): AnalyzedFunction | undefined {
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    return resolveFunction(callee, services);
  }

  return { sitesOf: (fn) => sitesOf(fn, 0) };
}

/**
 * The value of `node` is dropped: an expression statement, `void`, a non-last sequence item,
 * or what the analysed function itself returns when it is the cleanup callback (depth 0), whose
 * return value the registry ignores. Nested functions are never walked, so an enclosing arrow
 * or `return` found here belongs to the analysed function.
 */
function isDiscarded(node: TSESTree.Node, depth: number): boolean {
  const { node: child, parent } = outermostWrapper(node);
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'void';
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) !== child;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return depth === 0 && parent.body === child;
    case AST_NODE_TYPES.ReturnStatement:
      return depth === 0;
    default:
      return false;
  }
}

/**
 * `p.catch(handler)` and `p.then(onFulfilled, onRejected)` handle the rejection of `p`; a
 * `.finally(...)` after a handled promise passes the handled result on.
 */
function handlesRejection(node: TSESTree.CallExpression): boolean {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  if (name === 'finally') {
    const inner = callee.object;
    return inner.type === AST_NODE_TYPES.CallExpression && handlesRejection(inner);
  }
  return (name === 'catch' && node.arguments.length >= 1) || (name === 'then' && node.arguments.length >= 2);
}

function typeIncludesNullish(type: ts.Type): boolean {
  const nullish = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;
  if (type.flags & nullish) return true;
  if (type.isUnion()) return type.types.some((part) => (part.flags & nullish) !== 0);
  return false;
}

/** `a?.b` in `a?.b.c`: an inner link of an optional chain, below some `?.`. */
function isOptionalChainLink(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (current.optional) return true;
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      if (current.optional) return true;
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.TSNonNullExpression) {
      current = current.expression;
    } else {
      return false;
    }
  }
}

function pathMatches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((segment, index) => segment === path[index] || (segment === '*' && index === pattern.length - 1));
}

function nameOf(node: TSESTree.Node): string {
  const path = calleePath(node);
  if (path) return shortened(path.join('.'), MAX_NAME_LENGTH);
  switch (node.type) {
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(node);
      return name === undefined ? `${nameOf(node.object)}[…]` : shortened(`${nameOf(node.object)}.${name}`, MAX_NAME_LENGTH);
    }
    case AST_NODE_TYPES.CallExpression:
      return `${nameOf(node.callee)}(…)`;
    case AST_NODE_TYPES.NewExpression:
      return `new ${nameOf(node.callee)}(…)`;
    case AST_NODE_TYPES.TSNonNullExpression:
      return `${nameOf(node.expression)}!`;
    case AST_NODE_TYPES.ChainExpression:
      return nameOf(node.expression);
    case AST_NODE_TYPES.Literal:
      return shortened(node.raw, MAX_NAME_LENGTH);
    default:
      return 'an expression';
  }
}


/** Words for a site inside a helper, used in the report at the call site. */
export function describeSite(site: ThrowSite): string {
  const line = `line ${String(site.node.loc.start.line)}`;
  switch (site.kind) {
    case 'throw':
      return `a \`throw\` on ${line}`;
    case 'call':
      return `a call of \`${site.name}\` on ${line}`;
    case 'helper':
      return `a call of \`${site.name}\` on ${line}, which can throw`;
    case 'new':
      return `\`new ${site.name}\` on ${line}`;
    case 'nullableAccess':
      return `an access on the possibly nullish \`${site.name}\` on ${line}`;
    case 'nullableCall':
      return `a call of the possibly nullish \`${site.name}\` on ${line}`;
    case 'nonNull':
      return `a non-null assertion on ${line}`;
    case 'await':
      return `an \`await\` on ${line}`;
    case 'floating':
      return `a promise from \`${site.name}\` on ${line} that nothing awaits or handles`;
  }
}
