import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';

import { enclosingClass } from '../src/ast/functions.js';
import { memberName } from '../src/ast/member-names.js';
import { walk } from '../src/ast/walk.js';
import { outermostValue, skipOuterEsExpressions } from '../src/ast/wrappers.js';
import { createRule, ruleDocsUrl } from '../src/create-rule.js';
import { getDisposeKeys, isWellKnownDisposeSymbol, mayBeDisposable, RELEASE_METHOD_NAMES } from '../src/disposable.js';
import {
  type CleanupFunction,
  getCallbackOfRegistry,
  getCleanupCallback,
  getRegistryCall,
  getRegistryConstruction,
  isFinalizationRegistryType,
  isMemoryType,
  mayInvolveFinalizationRegistry,
} from '../src/finalization-registry.js';
import { shortened } from '../src/message-text.js';
import { getParserServices } from '../src/parser-services.js';

export type Options = [
  {
    cleanupMethods?: string[];
    allowSafetyNet?: boolean;
  },
];
export type MessageIds = 'releaseInFinalizer' | 'resourceAsHeldValue';

/**
 * The shared release names (src/disposable.ts), plus removing a file and letting a handle go;
 * without `free`, which hands memory back (wasm-bindgen's `obj.free()`, emscripten's
 * `_free(ptr)`): memory that lives as long as a JavaScript object is what a finalizer is for.
 */
export const DEFAULT_CLEANUP_METHODS: readonly string[] = [...RELEASE_METHOD_NAMES.filter((name) => name !== 'free'), 'unlink', 'unref'];

/** Releases that do not depend on the method-name option. */
const TIMER_CLEARS = new Set(['clearTimeout', 'clearInterval', 'clearImmediate']);
const FS_CLOSES = new Set(['close', 'closeSync']);

export default createRule<Options, MessageIds>({
  name: 'prefer-using-over-finalizer',
  meta: {
    type: 'problem',
    docs: {
      description:
        'disallow releasing files, sockets, timers and other resources in FinalizationRegistry cleanup callbacks instead of `using` / `Symbol.dispose`',
      url: ruleDocsUrl('prefer-using-over-finalizer'),
      recommended: true,
      requiresTypeChecking: true,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          cleanupMethods: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Method names that release a resource when called in a cleanup callback (replaces the default list). `[Symbol.dispose]`, `[Symbol.asyncDispose]`, timer clears and `fs.close`/`fs.closeSync` are always checked.',
          },
          allowSafetyNet: {
            type: 'boolean',
            description:
              'Allow the safety-net pattern: the same file also unregisters from the registry, so the finalizer only covers owners that never reached their explicit end.',
          },
        },
      },
    ],
    defaultOptions: [{ cleanupMethods: [...DEFAULT_CLEANUP_METHODS], allowSafetyNet: true }],
    messages: {
      releaseInFinalizer:
        '`{{call}}` releases a resource in a cleanup callback, which may run late or never; release it in `[Symbol.dispose]()` and acquire it with `using`.',
      resourceAsHeldValue:
        'The held value `{{type}}` is a resource left to a cleanup callback that may run late or never; give its owner a `[Symbol.dispose]()` that releases it and unregisters.',
    },
    languages: ['js/js'],
  },
  create(context, [options]) {
    // Files that never name the registry nor call register/unregister can still construct an
    // imported alias or subclass; only `new X(fn)` / `super(fn)` with a function-like first
    // argument is looked at there, which keeps ordinary files nearly free.
    const fullCheck = mayInvolveFinalizationRegistry(context.sourceCode.text);
    // The constructor's name has to appear in the text for the reduced check to apply.
    if (!fullCheck && !REGISTRY_CONSTRUCTION_TEXT.test(context.sourceCode.text)) return {};
    const services = getParserServices(context);
    const checker = services.program.getTypeChecker();
    const cleanupMethods = new Set(options.cleanupMethods ?? DEFAULT_CLEANUP_METHODS);
    const allowSafetyNet = options.allowSafetyNet !== false;
    const resourceTypes = resourceTypeCache(cleanupMethods);
    const disposeKeys = getDisposeKeys(services.program);

    const callbacks: { fn: CleanupFunction; construction: TSESTree.NewExpression | TSESTree.CallExpression }[] = [];
    const registrations: { call: TSESTree.CallExpression; registry: TSESTree.Expression }[] = [];
    const untypedRegistrations: { call: TSESTree.CallExpression; registry: TSESTree.Expression }[] = [];
    /** Registries that this file unregisters from. */
    const unregisteredElsewhere = new Set<ts.Symbol>();
    const releaseCache = new WeakMap<CleanupFunction, TSESTree.CallExpression[]>();

    const onConstruction = (node: TSESTree.NewExpression | TSESTree.CallExpression): void => {
      if (!fullCheck && !(mayBeCallbackConstruction(node) && calleeConstructsRegistry(node))) return;
      const fn = getCleanupCallback(node, services);
      if (fn !== undefined) callbacks.push({ fn, construction: node });
    };

    return {
      NewExpression: onConstruction,
      CallExpression(node): void {
        if (node.callee.type === AST_NODE_TYPES.Super) {
          onConstruction(node);
          return;
        }
        if (!fullCheck) return;
        // A factory that returns a registry made with the callback it is given.
        onConstruction(node);
        const registryCall = getRegistryCall(node, services);
        if (registryCall === undefined) {
          // `holder.registry.register(…)` where the holder's type says nothing (plain JavaScript):
          // a registration of whichever registry that variable or property was given.
          if (node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === 'register') {
            untypedRegistrations.push({ call: node, registry: node.callee.object });
          }
          return;
        }
        if (registryCall.kind === 'register') {
          registrations.push({ call: node, registry: registryCall.registry });
        } else {
          // An unregister is an explicit end of the owner's life (a
          // dispose or close method, a wrapper's `unregister`, a worker's exit listener):
          // the finalizer then only covers owners that never reached it.
          for (const key of registryKeysOfReference(registryCall.registry, services)) unregisteredElsewhere.add(key);
        }
      },
      'Program:exit'(): void {
        const seen = new Set<CleanupFunction>();
        for (const { fn, construction } of callbacks) {
          if (seen.has(fn)) continue;
          seen.add(fn);
          const keys = registryKeysOfConstruction(construction, services);
          if (allowSafetyNet && isSafetyNet(keys)) continue;
          const releases = releasesIn(fn);
          if (releases.length > 0 && registersOnlyMemory(keys)) continue;
          for (const call of releases) {
            context.report({ node: call, messageId: 'releaseInFinalizer', data: { call: describeCall(call, context.sourceCode) } });
          }
        }
        for (const { call } of registrations) reportHeldResource(call);
      },
    };

    /**
     * Whether the callee's construct signatures produce a registry. Looking at the callee's
     * type avoids resolving the whole call (which would type-check the argument functions).
     */
    function calleeConstructsRegistry(node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
      const calleeType = services.getTypeAtLocation(node.callee);
      let answer = constructsRegistryCache.get(calleeType);
      if (answer === undefined) {
        answer = calleeType
          .getConstructSignatures()
          .some((signature) => isFinalizationRegistryType(signature.getReturnType(), checker));
        constructsRegistryCache.set(calleeType, answer);
      }
      return answer;
    }

    /**
     * Whether this file registers only built-in memory (buffers, views, a wasm memory) with the
     * registry: what its callback releases then lives exactly as long as a buffer, which has no
     * owner to dispose it. Targets typed `any` say nothing either way; at least one must be known.
     */
    function registersOnlyMemory(keys: readonly ts.Symbol[]): boolean {
      if (keys.length === 0) return false;
      let memory = 0;
      for (const { call, registry } of [...registrations, ...untypedRegistrations]) {
        if (!registryKeysOfReference(registry, services).some((key) => keys.includes(key))) continue;
        const target = call.arguments[0];
        if (target === undefined || target.type === AST_NODE_TYPES.SpreadElement) return false;
        const type = services.getTypeAtLocation(target);
        if ((type.flags & ts.TypeFlags.Any) !== 0) continue;
        if (!isMemoryType(services.program, type)) return false;
        memory += 1;
      }
      return memory > 0;
    }

    function isSafetyNet(keys: readonly ts.Symbol[]): boolean {
      return keys.some((key) => unregisteredElsewhere.has(key));
    }

    function reportHeldResource(call: TSESTree.CallExpression): void {
      const held = call.arguments[1];
      if (held === undefined || held.type === AST_NODE_TYPES.SpreadElement) return;
      const callee = call.callee as TSESTree.MemberExpression;
      // A callback in this file is judged where it is written: reported when it releases,
      // accepted when it only reports the leak.
      if (getCallbackOfRegistry(callee.object, services) !== undefined) return;
      if (allowSafetyNet && isSafetyNet(registryKeysOfReference(callee.object, services))) return;
      const type = services.getTypeAtLocation(held);
      if (!isResourceType(type)) return;
      context.report({ node: held, messageId: 'resourceAsHeldValue', data: { type: shortened(checker.typeToString(type)) } });
    }

    function releasesIn(fn: CleanupFunction): TSESTree.CallExpression[] {
      const cached = releaseCache.get(fn);
      if (cached !== undefined) return cached;
      const found: TSESTree.CallExpression[] = [];
      walk(fn.body, (node) => {
        if (node.type === AST_NODE_TYPES.CallExpression && isRelease(node)) found.push(node);
      });
      releaseCache.set(fn, found);
      return found;
    }

    function isRelease(call: TSESTree.CallExpression): boolean {
      const callee = skipOuterEsExpressions(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        if (TIMER_CLEARS.has(callee.name)) return isGlobalOrNodeFunction(callee);
        return FS_CLOSES.has(callee.name) && isFromNodeFs(callee);
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      if (callee.computed && isWellKnownDisposeSymbol(callee.property)) return true;
      const name = memberName(callee);
      if (name !== undefined) {
        if (cleanupMethods.has(name) || TIMER_CLEARS.has(name) || name === 'closeSync') return true;
      }
      // Other methods of a resource (`handle.setSlot(…)`, `handle.read()`) release nothing: a
      // release is known by its name (`cleanupMethods`) or by the dispose symbols.
      return false;
    }

    function isGlobalOrNodeFunction(identifier: TSESTree.Identifier): boolean {
      const symbol = services.getSymbolAtLocation(identifier);
      if (symbol === undefined) return false;
      const resolved = (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol;
      // A local function that happens to share the name is not the host's timer API.
      return (resolved.getDeclarations() ?? []).every((declaration) => declaration.getSourceFile().isDeclarationFile);
    }

    function isFromNodeFs(identifier: TSESTree.Identifier): boolean {
      const symbol = services.getSymbolAtLocation(identifier);
      if (symbol === undefined || (symbol.flags & ts.SymbolFlags.Alias) === 0) return false;
      const resolved = checker.getAliasedSymbol(symbol);
      // A namespace import or an alias of a whole module resolves to a source file, with no parent.
      return (resolved.getDeclarations() ?? []).some((declaration) => {
        const module = ts.findAncestor(declaration.parent, ts.isModuleDeclaration);
        return module !== undefined && /^["']?(node:)?fs(\/promises)?["']?$/.test(module.name.getText());
      });
    }

    function isResourceType(type: ts.Type): boolean {
      const cached = resourceTypes.get(type);
      if (cached !== undefined) return cached;
      resourceTypes.set(type, false);
      let result: boolean;
      if (type.isUnion()) {
        result = type.types.some((part) => isResourceType(part));
      } else {
        result =
          isDisposableType(type) ||
          checker.getPropertiesOfType(checker.getApparentType(type)).some((property) => {
            if (!cleanupMethods.has(property.getName())) return false;
            const propertyType = checker.getTypeOfSymbol(property);
            return propertyType.getCallSignatures().length > 0;
          });
      }
      resourceTypes.set(type, result);
      return result;
    }

    function isDisposableType(type: ts.Type): boolean {
      return disposeKeys !== null && mayBeDisposable(type, checker, disposeKeys);
    }
  },
});

const constructsRegistryCache = new WeakMap<ts.Type, boolean>();

// Resource answers per type outlive one file (types belong to the program, which the editor
// keeps between keystrokes); they depend on the configured method names.
const resourceCaches = new Map<string, WeakMap<ts.Type, boolean>>();

function resourceTypeCache(cleanupMethods: ReadonlySet<string>): WeakMap<ts.Type, boolean> {
  const key = [...cleanupMethods].sort().join(',');
  let cache = resourceCaches.get(key);
  if (cache === undefined) {
    cache = new WeakMap();
    resourceCaches.set(key, cache);
  }
  return cache;
}

const REGISTRY_NAME = /Registry|Finaliz/;
/** `new FooRegistry`, `new lib.Finalizer`, `extends SocketRegistry`: the text the reduced check needs. */
const REGISTRY_CONSTRUCTION_TEXT = /\b(?:new|extends)\s+[\w$.]*(?:Registry|Finaliz)/;

/**
 * Cheap syntactic test for constructions that could pass a cleanup callback, used in files
 * without registry text: the constructor must be named like a registry (`RegistryAlias`,
 * `SocketRegistry`, `Finalizer`) or be `super` in a class whose base is so named.
 */
function mayBeCallbackConstruction(node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
  const name = constructorName(node);
  if (name === undefined || !REGISTRY_NAME.test(name)) return false;
  const first = node.arguments[0];
  if (first === undefined) return false;
  return (
    first.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    first.type === AST_NODE_TYPES.FunctionExpression ||
    first.type === AST_NODE_TYPES.Identifier ||
    first.type === AST_NODE_TYPES.MemberExpression ||
    first.type === AST_NODE_TYPES.CallExpression
  );
}

function constructorName(node: TSESTree.NewExpression | TSESTree.CallExpression): string | undefined {
  // `super(...)` constructs what the class extends.
  const callee = node.callee.type === AST_NODE_TYPES.Super ? enclosingClass(node)?.superClass : node.callee;
  if (callee == null) return undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return undefined;
}

/**
 * Symbols that identify a registry: the variable/field it is stored in, and for a registry
 * subclass the class itself (its instances are the registries).
 */
function registryKeysOfReference(expression: TSESTree.Expression, services: ParserServicesWithTypeInformation): ts.Symbol[] {
  const keys: ts.Symbol[] = [];
  const node = skipOuterEsExpressions(expression);
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
    const symbol = services.getSymbolAtLocation(node);
    if (symbol !== undefined) keys.push(symbol);
  }
  const typeSymbol = services.getTypeAtLocation(node).getSymbol();
  if (typeSymbol !== undefined && (typeSymbol.flags & ts.SymbolFlags.Class) !== 0) keys.push(typeSymbol);
  const construction = getRegistryConstruction(expression, services);
  if (construction !== undefined) keys.push(...registryKeysOfConstruction(construction, services));
  return keys;
}

function registryKeysOfConstruction(
  construction: TSESTree.NewExpression | TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation,
): ts.Symbol[] {
  const keys: ts.Symbol[] = [];
  if (construction.type === AST_NODE_TYPES.CallExpression && construction.callee.type === AST_NODE_TYPES.Super) {
    // super(cb): the subclass is the registry.
    const classNode = enclosingClass(construction);
    const symbol = classNode === undefined ? undefined : services.getTypeAtLocation(classNode).getSymbol();
    if (symbol !== undefined) keys.push(symbol);
    return keys;
  }
  // `reg = supported ? new FinalizationRegistry(cb) : undefined`: the variable still holds it.
  const { node: child, parent } = outermostValue(construction);
  if (parent === undefined) return keys;
  let target: TSESTree.Node | undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child) target = parent.id;
  else if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === child) target = parent.key;
  else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child) target = parent.left;
  if (target !== undefined) {
    const symbol = services.getSymbolAtLocation(target);
    if (symbol !== undefined) keys.push(symbol);
  }
  const typeSymbol = services.getTypeAtLocation(construction).getSymbol();
  // A subclass constructed here: unregistering any instance of it counts for its callback.
  if (typeSymbol !== undefined && (typeSymbol.flags & ts.SymbolFlags.Class) !== 0) keys.push(typeSymbol);
  return keys;
}

function describeCall(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return shortened(`${sourceCode.getText(call.callee)}()`);
}

