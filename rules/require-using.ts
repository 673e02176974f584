import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type TypeOrValueSpecifier, typeMatchesSomeSpecifier, valueMatchesSomeSpecifier } from '@typescript-eslint/type-utils';
import ts from 'typescript';

import { createRule, ruleDocsUrl } from '../src/create-rule.js';
import {
  type DisposalKind,
  type DisposeKeys,
  getDisposalKind,
  getDisposeKeys,
  isWellKnownDisposeSymbol,
  programMentionsDisposal,
} from '../src/disposable.js';
import { ancestorsOf } from '../src/ast/ancestors.js';
import { enclosingFunction, type FunctionNode } from '../src/ast/functions.js';
import { calleeDeclaration } from '../src/ast/resolve-function.js';
import { skipOuterEsExpressions } from '../src/ast/wrappers.js';
import { shortened } from '../src/message-text.js';
import { returnsOwnedValue } from '../src/ownership.js';
import { getParserServices } from '../src/parser-services.js';
import { typeOrValueSpecifiersSchema } from '../src/type-specifiers.js';

export type Options = [
  {
    ignore?: TypeOrValueSpecifier[];
    transferFunctions?: TypeOrValueSpecifier[];
    disposeMethods?: string[];
  },
];
export type MessageIds = 'discarded' | 'notDisposed' | 'useUsing';

/**
 * Disposables whose lifetime is not lexical, so `using` is the wrong tool: built-in iterators
 * and generators (closed by the loop that drains them; their dispose only calls `return()`),
 * Node's timers (a one-shot timer ends by itself, and a discarded `setTimeout()` is idiomatic)
 * and child processes (disposing one kills it; its lifetime is the child's, not the scope's).
 */
export const DEFAULT_IGNORE: readonly TypeOrValueSpecifier[] = [
  { from: 'lib', name: ['IteratorObject', 'AsyncIteratorObject'] },
  { from: 'package', package: '@types/node', name: ['Timeout', 'Immediate', 'ChildProcess'] },
];

/** `readable.pipe(dest)`: the pipe destroys the source when it ends. */
export const DEFAULT_TRANSFER_FUNCTIONS: readonly TypeOrValueSpecifier[] = ['pipe'];

/** Calls on the value that release it, besides `[Symbol.dispose]()` / `[Symbol.asyncDispose]()`. */
export const DEFAULT_DISPOSE_METHODS: readonly string[] = [
  'dispose',
  'disposeAsync',
  'close',
  'destroy',
  'end',
  'release',
  'terminate',
  'abort',
  'disconnect',
  'unsubscribe',
  'kill',
  'free',
  'return',
  'cancel',
  'stop',
];

type Creation = TSESTree.CallExpression | TSESTree.NewExpression;

/** What the scope of a binding does with the value. */
type Fate = 'disposed' | 'escapes' | 'kept';

export default createRule<Options, MessageIds>({
  name: 'require-using',
  meta: {
    type: 'problem',
    docs: {
      description: 'require that a created `Disposable` or `AsyncDisposable` is disposed, preferably with `using`',
      url: ruleDocsUrl('require-using'),
      recommended: true,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignore: typeOrValueSpecifiersSchema(
            "Types that are not reported (replaces the default list). A type is ignored when it or one of its base types matches: a type name, or `{ from: 'lib' | 'package' | 'file', name, package?, path? }` as in typescript-eslint's options.",
          ),
          transferFunctions: typeOrValueSpecifiersSchema(
            'Functions and methods that take ownership of the value they are called on, so that `value.fn(…)` counts as handing the value over (replaces the default list). Passing a value as an argument always hands it over.',
          ),
          disposeMethods: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Method names that dispose the value when called on it (replaces the default list). `[Symbol.dispose]()` and `[Symbol.asyncDispose]()` always count.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        ignore: [...DEFAULT_IGNORE],
        transferFunctions: [...DEFAULT_TRANSFER_FUNCTIONS],
        disposeMethods: [...DEFAULT_DISPOSE_METHODS],
      },
    ],
    messages: {
      discarded:
        'This {{creation}} creates a `{{type}}`, which is {{interface}}, but the result is not kept, so nothing can dispose it and whatever it holds (a file, socket, lock, listener) stays open until a finalizer or the end of the process. Declare it with `{{keyword}} name = …;` so it is disposed when the scope ends, or keep it and dispose it.',
      notDisposed:
        '`{{name}}` holds a `{{type}}`, which is {{interface}}, but it is never disposed and never leaves this scope (not returned, stored or passed on), so whatever it holds stays open after the scope ends. Declare it with `{{keyword}}` so it is disposed at scope exit, dispose it in a `finally`, or add it to a `DisposableStack`.',
      useUsing: 'Declare `{{name}}` with `{{keyword}}`, so it is disposed when the enclosing block ends.',
    },
    languages: ['js/js'],
  },
  create(context, [options]) {
    const services = getParserServices(context);
    const program = services.program;
    const foundKeys = getDisposeKeys(program);
    // Without `Symbol.dispose` in the program's lib nothing can be Disposable.
    if (foundKeys === null) return {};
    const keys: DisposeKeys = foundKeys;
    const checker = program.getTypeChecker();
    const ignore = options.ignore ?? [...DEFAULT_IGNORE];
    // Nothing outside the lib mentions disposal: only built-in iterators could be disposable,
    // and while they are ignored there is nothing to find.
    if (ignoresBuiltinIterators(ignore) && !programMentionsDisposal(program)) return {};
    const transferFunctions = options.transferFunctions ?? [...DEFAULT_TRANSFER_FUNCTIONS];
    const disposeMethods = new Set(options.disposeMethods ?? DEFAULT_DISPOSE_METHODS);
    const ignoredTypes = new WeakMap<ts.Type, boolean>();

    return {
      ExpressionStatement(node): void {
        const creation = asCreation(node.expression);
        if (creation === undefined) return;
        const found = disposableResult(creation);
        if (found === undefined) return;
        context.report({
          node: creation.creation,
          messageId: 'discarded',
          data: discardedData(creation.creation, found),
        });
      },
      VariableDeclarator(node): void {
        if (node.init === null) return;
        const declaration = node.parent;
        if (declaration.kind === 'using' || declaration.kind === 'await using' || declaration.declare) return;
        // `for (const x of …)` binds elements, not the iterable.
        if (isForInOfLeft(declaration)) return;
        const creation = asCreation(node.init);
        if (creation === undefined) return;
        const found = disposableResult(creation);
        if (found === undefined) return;
        if (node.id.type !== AST_NODE_TYPES.Identifier) {
          // Destructuring keeps parts of the value and drops the value itself.
          context.report({
            node: creation.creation,
            messageId: 'discarded',
            data: discardedData(creation.creation, found),
          });
          return;
        }
        const binding = analyzeBinding(node, node.id);
        if (binding.fate !== 'kept') return;
        const keyword = keywordFor(found.kind);
        const canSuggest =
          binding.sameFunction &&
          // Disposing at block end would cut off the handlers it was given.
          !binding.registersCallbacks &&
          declaration.kind !== 'var' &&
          declaration.declarations.length === 1 &&
          allowsUsingDeclaration(declaration) &&
          // A value made in a constructor usually serves the object being built, which outlives it.
          !isConstructor(enclosingFunction(declaration)) &&
          (found.kind === 'sync' || allowsAwait(declaration));
        context.report({
          node: creation.creation,
          messageId: 'notDisposed',
          data: { name: node.id.name, type: typeText(found.type), interface: interfaceName(found.kind), keyword },
          suggest: canSuggest
            ? [
                {
                  messageId: 'useUsing',
                  data: { name: node.id.name, keyword },
                  // The declaration starts with its `const` / `let` keyword (exported and
                  // `declare` ones are never suggested).
                  fix: (fixer): TSESLint.RuleFix =>
                    fixer.replaceTextRange([declaration.range[0], declaration.range[0] + declaration.kind.length], keyword),
                },
              ]
            : null,
        });
      },
    };

    /** The call or `new` a statement or initializer consists of, under `await` and type-only wrappers. */
    function asCreation(expression: TSESTree.Expression): { creation: Creation; value: TSESTree.Node } | undefined {
      let value: TSESTree.Node = skipOuterEsExpressions(expression);
      let inner = value;
      if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = skipOuterEsExpressions(inner.argument);
      if (inner.type === AST_NODE_TYPES.ChainExpression) inner = inner.expression;
      if (inner.type === AST_NODE_TYPES.NewExpression) return { creation: inner, value };
      if (inner.type !== AST_NODE_TYPES.CallExpression || inner.callee.type === AST_NODE_TYPES.Super) return undefined;
      if (value.type === AST_NODE_TYPES.ChainExpression) value = inner;
      return { creation: inner, value };
    }

    interface Found {
      kind: DisposalKind;
      type: ts.Type;
    }

    /** The created value's type when it is a Disposable the rule should look at. */
    function disposableResult({ creation, value }: { creation: Creation; value: TSESTree.Node }): Found | undefined {
      const type = services.getTypeAtLocation(value);
      const kind = getDisposalKind(type, checker, keys);
      if (kind === undefined) return undefined;
      if (creation.type === AST_NODE_TYPES.CallExpression && !createsValue(creation)) return undefined;
      if (isIgnored(type)) return undefined;
      return { kind, type };
    }

    /**
     * False for calls that hand back a value that already exists: methods declared to return
     * `this` (`server.listen()`), callees whose body returns existing state (src/ownership.ts),
     * and generic functions returning their own argument (`stack.use(resource)`).
     */
    function createsValue(call: TSESTree.CallExpression): boolean {
      const declaration = calleeDeclaration(services.esTreeNodeToTSNodeMap.get(call), checker);
      if (declaration === undefined) return true;
      const returnType = declaration.type;
      if (returnType?.kind === ts.SyntaxKind.ThisType) return false;
      // A callee whose body returns existing state hands out a borrowed value.
      if (!returnsOwnedValue(declaration, checker)) return false;
      if (returnType === undefined || !ts.isTypeReferenceNode(returnType) || !ts.isIdentifier(returnType.typeName)) return true;
      const name = returnType.typeName.text;
      if (declaration.typeParameters?.some((parameter) => parameter.name.text === name) !== true) return true;
      return !declaration.parameters.some(
        (parameter) =>
          parameter.type !== undefined &&
          ts.isTypeReferenceNode(parameter.type) &&
          ts.isIdentifier(parameter.type.typeName) &&
          parameter.type.typeName.text === name,
      );
    }

    function isIgnored(type: ts.Type): boolean {
      let ignored = ignoredTypes.get(type);
      if (ignored === undefined) {
        const parts = type.isUnion() ? type.types : [type];
        ignored = ignore.length > 0 && parts.every((part) => matchesWithBases(part, new Set()));
        ignoredTypes.set(type, ignored);
      }
      return ignored;
    }

    /** The type or one of its base classes/interfaces matches an `ignore` entry. */
    function matchesWithBases(type: ts.Type, seen: Set<ts.Type>): boolean {
      if (seen.has(type) || seen.size > 50) return false;
      seen.add(type);
      if (typeMatchesSomeSpecifier(type, ignore, program)) return true;
      const target = (type as ts.TypeReference).target as ts.Type | undefined;
      const declared = target ?? type;
      if (!(declared.flags & ts.TypeFlags.Object) || !((declared as ts.ObjectType).objectFlags & ts.ObjectFlags.ClassOrInterface)) {
        return false;
      }
      return checker.getBaseTypes(declared as ts.InterfaceType).some((base) => matchesWithBases(base, seen));
    }

    function discardedData(creation: Creation, found: Found): Record<'creation' | 'type' | 'interface' | 'keyword', string> {
      return {
        creation: creation.type === AST_NODE_TYPES.NewExpression ? '`new` expression' : 'call',
        type: typeText(found.type),
        interface: interfaceName(found.kind),
        keyword: keywordFor(found.kind),
      };
    }

    function typeText(type: ts.Type): string {
      return shortened(checker.typeToString(type));
    }

    interface Binding {
      fate: Fate;
      /** Every use is in the function that declares the binding (none in a callback that may run later). */
      sameFunction: boolean;
      /** A method of the value was given a function (`value.on('event', handler)`): it keeps working after this scope. */
      registersCallbacks: boolean;
    }

    function analyzeBinding(declarator: TSESTree.VariableDeclarator, id: TSESTree.Identifier): Binding {
      const binding: Binding = { fate: 'kept', sameFunction: true, registersCallbacks: false };
      const declaration = declarator.parent;
      if (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return { ...binding, fate: 'escapes' };
      const variable = context.sourceCode.getDeclaredVariables(declarator).find((candidate) => candidate.name === id.name);
      if (variable === undefined) return { ...binding, fate: 'escapes' };
      // A script's top-level bindings are globals that other scripts can reach.
      if (variable.scope.block.type === AST_NODE_TYPES.Program && !ts.isExternalModule(sourceFile())) return { ...binding, fate: 'escapes' };
      const home = enclosingFunction(declarator);
      let disposed = false;
      for (const reference of variable.references) {
        if (reference.init === true) continue;
        if (reference.isWrite()) {
          // A reassigned binding has more than one value; which of them is disposed is not tracked.
          return { ...binding, fate: 'escapes' };
        }
        if (!reference.isValueReference) continue;
        const use = reference.identifier;
        const fate = fateOfValueAt(use);
        if (fate === 'escapes') return { ...binding, fate };
        if (fate === 'disposed') disposed = true;
        if (isCallbackRegistration(use)) binding.registersCallbacks = true;
        const user = enclosingFunction(use);
        if (user !== home) {
          binding.sameFunction = false;
          if (user !== undefined && functionEscapes(user, home)) return { ...binding, fate: 'escapes' };
        }
      }
      if (disposed) binding.fate = 'disposed';
      return binding;
    }

    /** Where the value read at `node` goes. */
    function fateOfValueAt(node: TSESTree.Node): Fate {
      let next: TSESTree.Node = node;
      for (const parent of ancestorsOf(node)) {
        const child = next;
        next = parent;
        switch (parent.type) {
          case AST_NODE_TYPES.TSAsExpression:
          case AST_NODE_TYPES.TSSatisfiesExpression:
          case AST_NODE_TYPES.TSNonNullExpression:
          case AST_NODE_TYPES.TSTypeAssertion:
          case AST_NODE_TYPES.ChainExpression:
          case AST_NODE_TYPES.AwaitExpression:
          case AST_NODE_TYPES.LogicalExpression:
            continue;
          case AST_NODE_TYPES.ConditionalExpression:
            if (child === parent.test) return 'kept';
            continue;
          case AST_NODE_TYPES.SequenceExpression:
            if (child !== parent.expressions.at(-1)) return 'kept';
            continue;
          case AST_NODE_TYPES.MemberExpression:
            if (child !== parent.object) return 'kept';
            return fateOfMemberAccess(parent);
          case AST_NODE_TYPES.CallExpression:
          case AST_NODE_TYPES.NewExpression:
            // Passing the value hands it over; calling it is only a use.
            return child === parent.callee ? 'kept' : 'escapes';
          case AST_NODE_TYPES.VariableDeclarator:
            if (child !== parent.init) return 'kept';
            return parent.parent.kind === 'using' || parent.parent.kind === 'await using' ? 'disposed' : 'escapes';
          case AST_NODE_TYPES.ForOfStatement:
            // Draining the value with for-of / for await closes it the way iteration defines it.
            return child === parent.right ? 'disposed' : 'kept';
          case AST_NODE_TYPES.SpreadElement:
            // `[...value]` / `f(...value)` iterate it; `{ ...value }` copies its own properties.
            return 'kept';
          case AST_NODE_TYPES.TemplateLiteral:
            return parent.parent.type === AST_NODE_TYPES.TaggedTemplateExpression ? 'escapes' : 'kept';
          case AST_NODE_TYPES.UnaryExpression:
          case AST_NODE_TYPES.BinaryExpression:
          case AST_NODE_TYPES.ExpressionStatement:
          case AST_NODE_TYPES.IfStatement:
          case AST_NODE_TYPES.WhileStatement:
          case AST_NODE_TYPES.DoWhileStatement:
          case AST_NODE_TYPES.ForStatement:
          case AST_NODE_TYPES.ForInStatement:
          case AST_NODE_TYPES.SwitchStatement:
          case AST_NODE_TYPES.SwitchCase:
          case AST_NODE_TYPES.TSTypeQuery:
            return 'kept';
          default:
            // Returned, yielded, thrown, assigned, stored in an array, object, class field or JSX
            // attribute, exported, a default value: anything else lets the value leave.
            return 'escapes';
        }
      }
      return 'escapes';
    }

    /** `value.member` / `value.member(…)`. */
    function fateOfMemberAccess(member: TSESTree.MemberExpression): Fate {
      const property = member.property;
      if (member.computed ? isWellKnownDisposeSymbol(property) : property.type === AST_NODE_TYPES.Identifier && disposeMethods.has(property.name)) {
        // Called, or handed to something that calls it (`stack.defer(() => value.close())`).
        return 'disposed';
      }
      const call = member.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return 'kept';
      if (
        transferFunctions.length > 0 &&
        valueMatchesSomeSpecifier(property, transferFunctions, program, services.getTypeAtLocation(member))
      ) {
        return 'escapes';
      }
      // A fluent method (`return server.listen(port)`) hands back the value itself.
      if (returnsThis(call)) return fateOfValueAt(call);
      return 'kept';
    }

    function returnsThis(call: TSESTree.CallExpression): boolean {
      return calleeDeclaration(services.esTreeNodeToTSNodeMap.get(call), checker)?.type?.kind === ts.SyntaxKind.ThisType;
    }

    /**
     * The function holding a use of the binding leaves the binding's function: it is returned,
     * stored, passed on, a method, or a function declaration whose name does any of these.
     * The function directly below `home` on the way up is the one that carries the binding out.
     */
    function functionEscapes(user: FunctionNode, home: FunctionNode | undefined): boolean {
      let carrier: FunctionNode = user;
      for (let outer = enclosingFunction(carrier); outer !== home && outer !== undefined; outer = enclosingFunction(carrier)) {
        carrier = outer;
      }
      if (carrier.type !== AST_NODE_TYPES.FunctionDeclaration) {
        // An immediately invoked function runs now and does not keep the value.
        const parent = carrier.parent;
        if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === carrier) return false;
        return fateOfValueAt(carrier) === 'escapes';
      }
      const declared = context.sourceCode.getDeclaredVariables(carrier)[0];
      if (declared === undefined) return true;
      return declared.references.some((reference) => {
        const parent = reference.identifier.parent;
        return !(parent.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier);
      });
    }

    /** `value.on('event', handler)`: a method of the value receives a function. */
    function isCallbackRegistration(use: TSESTree.Node): boolean {
      const member = use.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== use) return false;
      const call = member.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
      // A DisposableStack runs deferred callbacks when it is disposed: that is what `using` is for.
      if (member.property.type === AST_NODE_TYPES.Identifier && (member.property.name === 'defer' || member.property.name === 'adopt')) {
        return false;
      }
      return call.arguments.some(
        (argument) =>
          argument.type === AST_NODE_TYPES.ArrowFunctionExpression ||
          argument.type === AST_NODE_TYPES.FunctionExpression ||
          (argument.type !== AST_NODE_TYPES.SpreadElement && services.getTypeAtLocation(argument).getCallSignatures().length > 0),
      );
    }

    function sourceFile(): ts.SourceFile {
      return services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast);
    }

    /** `await using` is allowed here: in an async function, or at the top level of a module with top-level await. */
    function allowsAwait(node: TSESTree.Node): boolean {
      for (const current of ancestorsOf(node)) {
        switch (current.type) {
          case AST_NODE_TYPES.FunctionDeclaration:
          case AST_NODE_TYPES.FunctionExpression:
          case AST_NODE_TYPES.ArrowFunctionExpression:
            return current.async;
          case AST_NODE_TYPES.StaticBlock:
          case AST_NODE_TYPES.PropertyDefinition:
          case AST_NODE_TYPES.AccessorProperty:
            return false;
          default:
        }
      }
      return allowsTopLevelAwait(program, sourceFile());
    }
  },
});

function interfaceName(kind: DisposalKind): string {
  return kind === 'sync' ? 'Disposable' : 'AsyncDisposable';
}

/** `ignore` covers the lib's iterator and generator types (as the default list does). */
function ignoresBuiltinIterators(ignore: readonly TypeOrValueSpecifier[]): boolean {
  return ['IteratorObject', 'AsyncIteratorObject'].every((name) =>
    ignore.some((specifier) => {
      if (typeof specifier === 'string') return specifier === name;
      if (specifier.from !== 'lib') return false;
      return typeof specifier.name === 'string' ? specifier.name === name : specifier.name.includes(name);
    }),
  );
}

function isConstructor(fn: FunctionNode | undefined): boolean {
  return fn?.parent.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === 'constructor';
}

function keywordFor(kind: DisposalKind): 'using' | 'await using' {
  return kind === 'sync' ? 'using' : 'await using';
}

function isForInOfLeft(declaration: TSESTree.VariableDeclaration): boolean {
  const parent = declaration.parent;
  return (
    (parent.type === AST_NODE_TYPES.ForOfStatement || parent.type === AST_NODE_TYPES.ForInStatement) && parent.left === declaration
  );
}

/** A `using` declaration may stand here: in a block, a function body or a module/script top level, not directly in a `case`. */
function allowsUsingDeclaration(declaration: TSESTree.VariableDeclaration): boolean {
  const parent = declaration.parent;
  return (
    parent.type === AST_NODE_TYPES.BlockStatement ||
    parent.type === AST_NODE_TYPES.StaticBlock ||
    parent.type === AST_NODE_TYPES.Program
  );
}

function allowsTopLevelAwait(program: ts.Program, file: ts.SourceFile): boolean {
  if (!ts.isExternalModule(file)) return false;
  const options = program.getCompilerOptions();
  const moduleKind = options.module ?? ts.ModuleKind.CommonJS;
  if (moduleKind >= ts.ModuleKind.Node16 && moduleKind <= ts.ModuleKind.NodeNext) {
    return file.impliedNodeFormat === ts.ModuleKind.ESNext;
  }
  return moduleKind === ts.ModuleKind.ES2022 || moduleKind === ts.ModuleKind.ESNext || moduleKind === ts.ModuleKind.Preserve;
}
