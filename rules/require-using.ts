import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { type TypeOrValueSpecifier, valueMatchesSomeSpecifier } from '@typescript-eslint/type-utils';
import ts from 'typescript';

import { createRule, ruleDocsUrl } from '../src/create-rule.js';
import {
  type DisposalKind,
  type DisposeKeys,
  getDisposeKeys,
  getNullableDisposalKind,
  isNullable,
  isPlainDisposableInterface,
  isStackMove,
  isWellKnownDisposeSymbol,
  programMentionsDisposal,
  RELEASE_METHOD_NAMES,
} from '../src/disposable.js';
import { ancestorsOf, findAncestor } from '../src/ast/ancestors.js';
import { enclosingFunction, type FunctionNode, isFunctionNode } from '../src/ast/functions.js';
import { resolvedCall } from '../src/ast/resolve-function.js';
import { skipOuterEsExpressions } from '../src/ast/wrappers.js';
import { shortened } from '../src/message-text.js';
import { callResult, parameterOwnership, programHasBorrowTags } from '../src/ownership.js';
import { getParserServices } from '../src/parser-services.js';
import { baseTypeMatcher, typeOrValueSpecifiersSchema } from '../src/type-specifiers.js';
import { fileRunsUsing } from '../src/using-support.js';

export type Options = [
  {
    ignore?: TypeOrValueSpecifier[];
    transferFunctions?: TypeOrValueSpecifier[];
    disposeMethods?: string[];
  },
];
export type MessageIds = 'discarded' | 'notDisposed' | 'useUsing' | 'useTryFinally';

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
export const DEFAULT_DISPOSE_METHODS: readonly string[] = [...RELEASE_METHOD_NAMES, 'disposeAsync', 'return', 'cancel', 'stop'];

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
            'Functions and methods that take ownership of the value they are called on, so that `value.fn(…)` counts as handing the value over (replaces the default list). Passing a value as an argument hands it over unless the parameter is tagged `@borrows`.',
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
      discarded: 'This {{creation}} creates a `{{type}}` that is discarded without being disposed; {{remedy}}.',
      notDisposed: '`{{name}}` holds a `{{type}}` that is never disposed or handed over; {{remedy}}.',
      useUsing: 'Declare `{{name}}` with `{{keyword}}`.',
      useTryFinally: 'Dispose `{{name}}` in a `finally` block that ends its scope.',
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
    // One matcher per program and list: its answers hold for every file of the program.
    const isIgnored = baseTypeMatcher(program, ignore);
    // Without any `@borrows` tag in the program, passing a value always hands it over, which
    // the type-free first look at a binding can then tell by itself. Asked on first need: it
    // reads the text of every file, and most files never get that far.
    let tagsInProgram: boolean | undefined;
    const borrowTags = (): boolean => (tagsInProgram ??= programHasBorrowTags(program));
    let usingRuns: boolean | undefined;
    const runsUsing = (): boolean => (usingRuns ??= fileRunsUsing(program, context.filename));
    const inJavaScript = (sourceFile().flags & ts.NodeFlags.JavaScriptFile) !== 0;

    // On exit, so that the rules that resolve the calls inside anyway (typescript-eslint's type-aware
    // rules listen on the calls themselves) have done so before this rule asks for a type.
    return {
      'ExpressionStatement:exit'(node: TSESTree.ExpressionStatement): void {
        const creation = asCreation(node.expression);
        if (creation === undefined) return;
        const found = disposableResult(creation);
        if (found === undefined) return;
        // A registration whose handle is only a `Disposable` (`addAbortListener(signal, fn)`):
        // dropping the handle keeps the listener until the target lets it go, which is what a
        // statement that never takes it off means. Whether it then keeps its owner alive too long
        // is no-leaked-listener's question.
        if (isRegistrationHandle(creation.creation, found)) return;
        context.report({ node: creation.creation, messageId: 'discarded', data: discardedData(creation.creation, found) });
      },
      'VariableDeclarator:exit'(node: TSESTree.VariableDeclarator): void {
        if (node.init === null) return;
        const declaration = node.parent;
        if (declaration.kind === 'using' || declaration.kind === 'await using' || declaration.declare) return;
        // `for (const x of …)` binds elements, not the iterable.
        if (isForInOfLeft(declaration)) return;
        const creation = asCreation(node.init);
        if (creation === undefined) return;
        // The initializer's type is usually known already (typescript-eslint's type-aware rules
        // ask for it), so it goes first; a disposable binding that is handed over or disposed
        // whatever the types say then needs no ownership analysis of the call.
        const type = disposableType(creation);
        if (type === undefined) return;
        if (node.id.type === AST_NODE_TYPES.Identifier && analyzeBinding(node, node.id, false).fate !== 'kept') return;
        const found = ownedCreation(creation, type);
        if (found === undefined) return;
        if (node.id.type !== AST_NODE_TYPES.Identifier) {
          // Destructuring keeps parts of the value and drops the value itself.
          context.report({ node: creation.creation, messageId: 'discarded', data: discardedData(creation.creation, found) });
          return;
        }
        const binding = analyzeBinding(node, node.id, true);
        if (binding.fate !== 'kept') return;
        const keyword = keywordFor(found.kind);
        const name = node.id.name;
        const placeable =
          binding.sameFunction &&
          // Disposing at block end would cut off the handlers it was given, or the listener
          // whose registration the value is: how long that should stay is not the block's to say.
          !binding.registersCallbacks &&
          !isRegistrationHandle(creation.creation, found) &&
          declaration.kind !== 'var' &&
          declaration.declarations.length === 1 &&
          allowsUsingDeclaration(declaration) &&
          // A value made in a constructor usually serves the object being built, which outlives it.
          !isConstructor(enclosingFunction(declaration)) &&
          (found.kind === 'sync' || allowsAwait(declaration));
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        if (placeable && runsUsing()) {
          suggest.push({
            messageId: 'useUsing',
            data: { name, keyword },
            // The declaration starts with its `const` / `let` keyword (exported and `declare`
            // ones are never suggested).
            fix: (fixer) => fixer.replaceTextRange([declaration.range[0], declaration.range[0] + declaration.kind.length], keyword),
          });
        } else if (placeable) {
          const fix = tryFinallyFix(declaration, name, found);
          if (fix !== undefined) suggest.push({ messageId: 'useTryFinally', data: { name }, fix });
        }
        context.report({
          node: creation.creation,
          messageId: 'notDisposed',
          data: { name, type: typeText(found.type), remedy: runsUsing() ? `declare it with \`${keyword}\` or dispose it in a \`finally\` block` : 'dispose it in a `finally` block' },
          suggest,
        });
      },
    };

    /** The file, or a scope around `node`, declares a `require` of its own (which is no CommonJS import). */
    function declaresRequire(node: TSESTree.Node): boolean {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), 'require');
      return variable !== null && variable.defs.length > 0;
    }

    /** The call or `new` a statement or initializer consists of, under `await` and type-only wrappers. */
    function asCreation(expression: TSESTree.Expression): { creation: Creation; value: TSESTree.Node } | undefined {
      let value: TSESTree.Node = skipOuterEsExpressions(expression);
      let inner = value;
      if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = skipOuterEsExpressions(inner.argument);
      if (inner.type === AST_NODE_TYPES.ChainExpression) inner = inner.expression;
      if (inner.type === AST_NODE_TYPES.NewExpression) return { creation: inner, value };
      if (inner.type !== AST_NODE_TYPES.CallExpression || inner.callee.type === AST_NODE_TYPES.Super) return undefined;
      // A CommonJS import hands back the module's exports, which the module cache keeps.
      if (inJavaScript && isRequireCall(inner) && !declaresRequire(inner.callee)) return undefined;
      if (value.type === AST_NODE_TYPES.ChainExpression) value = inner;
      return { creation: inner, value };
    }

    interface Found {
      kind: DisposalKind;
      type: ts.Type;
      /** The value may be `null` or `undefined` (a `T | undefined` result). */
      nullable: boolean;
    }

    /**
     * The created value's type when it is a Disposable the rule should look at: every member of
     * the type but `null` and `undefined` is disposable, and the call hands over a value it
     * made (src/ownership.ts).
     */
    function disposableResult(creation: { creation: Creation; value: TSESTree.Node }): Found | undefined {
      const type = disposableType(creation);
      return type === undefined ? undefined : ownedCreation(creation, type);
    }

    /** The created value's type, when it is disposable (the cheap half of {@link disposableResult}). */
    function disposableType({ creation, value }: { creation: Creation; value: TSESTree.Node }): { type: ts.Type; kind: DisposalKind } | undefined {
      const known = creation.type === AST_NODE_TYPES.CallExpression ? typeFromSignature(creation, value) : undefined;
      if (known === null) return undefined;
      const type = known ?? services.getTypeAtLocation(value);
      const kind = getNullableDisposalKind(type, checker, keys);
      return kind === undefined ? undefined : { type, kind };
    }

    /**
     * The value's type read from the call's resolved signature, which the checker caches, where
     * that is the type the checker gives the value: null when it is not disposable, undefined
     * where only asking for the value's type tells. Asking for the type of a call instead
     * re-checks its callee each time (the checker does not cache the type of a call whose callee
     * has a single signature). A call's type is its signature's return type, awaited under
     * `await`; `?.` adds `undefined`, which does not change whether it is disposable. JavaScript
     * gives `require(…)` and immediately invoked functions other types, and `await` of a type
     * assertion or of an optional chain awaits something else.
     */
    function typeFromSignature(creation: TSESTree.CallExpression, value: TSESTree.Node): ts.Type | null | undefined {
      if (inJavaScript && (isRequireCall(creation) || isFunctionNode(skipOuterEsExpressions(creation.callee)))) return undefined;
      const awaited = value.type === AST_NODE_TYPES.AwaitExpression;
      if (awaited ? value.argument !== creation : value !== creation) return undefined;
      const call = services.esTreeNodeToTSNodeMap.get(creation);
      const signature = checker.getResolvedSignature(call);
      if (signature === undefined) return undefined;
      const returned = checker.getReturnTypeOfSignature(signature);
      const type = awaited ? checker.getAwaitedType(returned) : returned;
      if (type === undefined) return undefined;
      if (getNullableDisposalKind(type, checker, keys) === undefined) return null;
      return ts.isOptionalChain(call) ? undefined : type;
    }

    /** The found value, when its type is not ignored and the call hands over a value it made. */
    function ownedCreation({ creation }: { creation: Creation }, { type, kind }: { type: ts.Type; kind: DisposalKind }): Found | undefined {
      // The per-type answer first: it is cached, while a call's ownership is worked out per call.
      if (isIgnored(type)) return undefined;
      if (creation.type === AST_NODE_TYPES.CallExpression && callResult(services.esTreeNodeToTSNodeMap.get(creation), checker) !== 'owned') return undefined;
      return { kind, type, nullable: isNullable(type) };
    }

    function discardedData(creation: Creation, found: Found): Record<'creation' | 'type' | 'remedy', string> {
      return {
        creation: creation.type === AST_NODE_TYPES.NewExpression ? '`new` expression' : 'call',
        type: typeText(found.type),
        remedy: runsUsing() ? `declare it with \`${keywordFor(found.kind)} name = …\`` : 'keep it in a variable and dispose it in a `finally` block',
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

    /**
     * What the scope of a binding does with its value. Without `typed`, only what the syntax
     * tells counts (a return, a store, an argument, a dispose call): `kept` then means "not
     * handed over or disposed as far as the syntax shows", and the typed pass decides the rest.
     */
    function analyzeBinding(declarator: TSESTree.VariableDeclarator, id: TSESTree.Identifier, typed: boolean): Binding {
      const variable = context.sourceCode.getDeclaredVariables(declarator).find((candidate) => candidate.name === id.name);
      if (variable === undefined) return { fate: 'escapes', sameFunction: true, registersCallbacks: false };
      return analyzeVariable(declarator, variable, typed, 0);
    }

    function analyzeVariable(declarator: TSESTree.VariableDeclarator, variable: TSESLint.Scope.Variable, typed: boolean, depth: number): Binding {
      const binding: Binding = { fate: 'kept', sameFunction: true, registersCallbacks: false };
      const declaration = declarator.parent;
      if (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return { ...binding, fate: 'escapes' };
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
        const fate = fateOfValueAt(use, typed, depth);
        if (fate === 'escapes') return { ...binding, fate };
        if (fate === 'disposed') disposed = true;
        if (typed && isCallbackRegistration(use)) binding.registersCallbacks = true;
        const user = enclosingFunction(use);
        if (user !== home) {
          binding.sameFunction = false;
          if (user !== undefined && functionEscapes(user, home, typed, depth)) return { ...binding, fate: 'escapes' };
        }
      }
      if (disposed) binding.fate = 'disposed';
      return binding;
    }

    /** Where the value read at `node` goes. */
    function fateOfValueAt(node: TSESTree.Node, typed: boolean, depth: number): Fate {
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
            return fateOfMemberAccess(parent, typed, depth);
          case AST_NODE_TYPES.CallExpression:
          case AST_NODE_TYPES.NewExpression:
            // Calling the value is only a use; passing it hands it over unless the parameter borrows.
            if (child === parent.callee) return 'kept';
            return argumentFate(parent, child, typed);
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

    /** The value is an argument of `call`: handed over, unless the parameter is tagged `@borrows`. */
    function argumentFate(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node, typed: boolean): Fate {
      if (argument.type === AST_NODE_TYPES.SpreadElement || !borrowTags()) return 'escapes';
      if (!typed) return 'kept';
      const declaration = resolvedCall(services.esTreeNodeToTSNodeMap.get(call), checker)?.declaration;
      const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
      if (declaration === undefined || index < 0) return 'escapes';
      return parameterOwnership(declaration, index, checker) === 'borrows' ? 'kept' : 'escapes';
    }

    /** `value.member` / `value.member(…)`. */
    function fateOfMemberAccess(member: TSESTree.MemberExpression, typed: boolean, depth: number): Fate {
      const property = member.property;
      if (member.computed ? isWellKnownDisposeSymbol(property) : property.type === AST_NODE_TYPES.Identifier && disposeMethods.has(property.name)) {
        // Called, or handed to something that calls it (`stack.defer(() => value.close())`).
        return 'disposed';
      }
      if (!typed) return 'kept';
      const call = member.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return derivedFate(member, depth);
      const tsCall = services.esTreeNodeToTSNodeMap.get(call);
      const declaration = resolvedCall(tsCall, checker)?.declaration;
      // `stack.move()` leaves the stack empty and disposed; the new stack is the caller's.
      if (declaration !== undefined && isStackMove(declaration)) return 'disposed';
      if (
        transferFunctions.length > 0 &&
        valueMatchesSomeSpecifier(property, transferFunctions, program, services.getTypeAtLocation(member))
      ) {
        return 'escapes';
      }
      // A fluent method (`return server.listen(port)`, `return await client.connect()`) hands back the value itself.
      if (callResult(tsCall, checker) === 'receiver') return fateOfValueAt(call, typed, depth);
      return derivedFate(call, depth);
    }

    /**
     * A value read from the binding's value (`value.payload`, `value.getReader()`): when it
     * leaves the scope, the value may have to stay alive and undisposed for it, so the value
     * counts as handed over. Plain data (strings, numbers, booleans) only counts when it goes
     * to a callee without types (a pointer passed to a native binding), or when it becomes part
     * of an object that outlives the function (an id from which the new owner reaches the
     * resource: `return new Reaper(container.getId())`, see {@link partOfLastingObject}).
     */
    function derivedFate(derived: TSESTree.Node, depth: number): Fate {
      const { node: outer, parent } = valueSite(derived);
      if (parent === undefined) return 'kept';
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
        if (isPlainData(services.getTypeAtLocation(outer))) return partOfLastingObject(outer, depth) ? 'escapes' : 'kept';
        if (depth >= 3) return 'escapes';
        // `const reader = value.getReader()`, `const { buffer } = await file.read()`: the value
        // goes where what was read from it goes.
        const escapes = context.sourceCode.getDeclaredVariables(parent).some((variable) => {
          const [definition] = variable.defs;
          if (definition !== undefined && isPlainData(services.getTypeAtLocation(definition.name))) return false;
          return analyzeVariable(parent, variable, true, depth + 1).fate === 'escapes';
        });
        return escapes ? 'escapes' : 'kept';
      }
      if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== outer) {
        if (isUntyped(services.getTypeAtLocation(parent.callee))) return 'escapes';
      }
      if (fateOfValueAt(outer, true, depth + 1) !== 'escapes') return 'kept';
      if (!isPlainData(services.getTypeAtLocation(outer))) return 'escapes';
      return partOfLastingObject(outer, depth) ? 'escapes' : 'kept';
    }

    /**
     * Plain data read from the value is built into an object that leaves the function (`return
     * new Reaper(id)`, `return { id }`) or is stored in a property (`this.id = value.getId()`).
     * Such data is usually how the new owner names the resource (a container or session id, a
     * handle number), so the resource must stay open for it. Plain data that is only returned
     * or logged (`return file.size`) is a copy and says nothing about the resource.
     */
    function partOfLastingObject(node: TSESTree.Node, depth: number, built = false): boolean {
      const { node: outer, parent } = valueSite(node);
      if (parent === undefined || depth >= 4) return false;
      switch (parent.type) {
        // Only an object holding the data counts when it leaves this way; the data itself is a copy.
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.YieldExpression:
          return built;
        case AST_NODE_TYPES.ArrowFunctionExpression:
          return built && parent.body === outer;
        case AST_NODE_TYPES.AssignmentExpression:
          return parent.right === outer && parent.left.type === AST_NODE_TYPES.MemberExpression;
        case AST_NODE_TYPES.VariableDeclarator:
          return parent.init === outer && someReference(parent, (use) => partOfLastingObject(use, depth + 1, built));
        case AST_NODE_TYPES.NewExpression:
          return parent.callee !== outer && partOfLastingObject(parent, depth + 1, true);
        case AST_NODE_TYPES.Property:
          return parent.value === outer && parent.parent.type === AST_NODE_TYPES.ObjectExpression && partOfLastingObject(parent.parent, depth + 1, true);
        case AST_NODE_TYPES.ArrayExpression:
          return partOfLastingObject(parent, depth + 1, true);
        default:
          return false;
      }
    }

    /** Some read of a variable that the declarator declares (not its initialisation) satisfies `test`. */
    function someReference(declarator: TSESTree.VariableDeclarator, test: (use: TSESTree.Node) => boolean): boolean {
      return context.sourceCode
        .getDeclaredVariables(declarator)
        .some((variable) => variable.references.some((reference) => reference.init !== true && reference.isRead() && test(reference.identifier)));
    }

    /**
     * The function holding a use of the binding leaves the binding's function: it is returned,
     * stored, passed on, a method, or a function declaration whose name does any of these.
     * The function directly below `home` on the way up is the one that carries the binding out.
     */
    function functionEscapes(user: FunctionNode, home: FunctionNode | undefined, typed: boolean, depth: number): boolean {
      let carrier: FunctionNode = user;
      for (let outer = enclosingFunction(carrier); outer !== home && outer !== undefined; outer = enclosingFunction(carrier)) {
        carrier = outer;
      }
      if (carrier.type !== AST_NODE_TYPES.FunctionDeclaration) {
        // An immediately invoked function runs now and does not keep the value.
        const parent = carrier.parent;
        if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === carrier) return false;
        return fateOfValueAt(carrier, typed, depth) === 'escapes';
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
      return passesFunction(call);
    }

    /** A call given a function that hands back only a `Disposable` / `AsyncDisposable`: the handle of a registration. */
    function isRegistrationHandle(creation: Creation, found: Found): boolean {
      return creation.type === AST_NODE_TYPES.CallExpression && isPlainDisposableInterface(found.type, checker) && passesFunction(creation);
    }

    /** Some argument of the call is a function. */
    function passesFunction(call: TSESTree.CallExpression): boolean {
      return call.arguments.some(
        (argument) =>
          argument.type === AST_NODE_TYPES.ArrowFunctionExpression ||
          argument.type === AST_NODE_TYPES.FunctionExpression ||
          (argument.type !== AST_NODE_TYPES.SpreadElement && services.getTypeAtLocation(argument).getCallSignatures().length > 0),
      );
    }

    /**
     * The `try`/`finally` form of the suggestion, for files whose runtime has no `using`: the
     * statements after the declaration move into a `try` block whose `finally` disposes the
     * value, as `using` would at the end of the block. Undefined where moving them could change
     * what they mean: a later declaration that code before it reads, or declarations at the top
     * level of a module or script (other files may see them).
     */
    function tryFinallyFix(declaration: TSESTree.VariableDeclaration, name: string, found: Found): TSESLint.ReportFixFunction | undefined {
      const block = declaration.parent;
      if (block.type !== AST_NODE_TYPES.BlockStatement && block.type !== AST_NODE_TYPES.StaticBlock && block.type !== AST_NODE_TYPES.Program) {
        return undefined;
      }
      const statements: TSESTree.Node[] = block.body;
      const rest = statements.slice(statements.indexOf(declaration) + 1);
      const last = rest.at(-1);
      const text = context.sourceCode.text;
      const lineStart = text.lastIndexOf('\n', declaration.range[0] - 1) + 1;
      const indent = text.slice(lineStart, declaration.range[0]);
      if (!/^[ \t]*$/.test(indent)) return undefined;
      if (last !== undefined) {
        const [from, to] = [rest[0]?.range[0] ?? 0, last.range[1]];
        if (block.type === AST_NODE_TYPES.Program && rest.some(isDeclarationStatement)) return undefined;
        for (const statement of rest) {
          for (const variable of context.sourceCode.getDeclaredVariables(statement)) {
            if (variable.references.some((reference) => reference.identifier.range[0] < from || reference.identifier.range[1] > to)) return undefined;
          }
        }
      }
      const unit = indentUnit(block, indent);
      const semicolon = context.sourceCode.getLastToken(declaration)?.value === ';' ? ';' : '';
      const key = found.kind === 'async' ? 'asyncDispose' : 'dispose';
      const dispose = `${found.kind === 'async' ? 'await ' : ''}${name}${found.nullable ? '?.' : ''}[Symbol.${key}]()${semicolon}`;
      if (last === undefined) return (fixer) => fixer.insertTextAfter(declaration, `\n${indent}${dispose}`);
      const moved = reindented(declaration.range[1], last.range[1], unit);
      return (fixer) =>
        fixer.replaceTextRange(
          [declaration.range[1], last.range[1]],
          `\n${indent}try {${moved}\n${indent}} finally {\n${indent}${unit}${dispose}\n${indent}}`,
        );
    }

    /** The source between `from` and `to` with one more indent on each line, except lines inside a multi-line string or template. */
    function reindented(from: number, to: number, unit: string): string {
      const text = context.sourceCode.text;
      const literals = context.sourceCode.ast.tokens.filter(
        (token) =>
          (token.type === AST_TOKEN_TYPES.Template || token.type === AST_TOKEN_TYPES.String) &&
          token.range[1] > from &&
          token.range[0] < to &&
          token.loc.start.line !== token.loc.end.line,
      );
      let out = '';
      let position = from;
      for (let newline = text.indexOf('\n', from); newline !== -1 && newline < to; newline = text.indexOf('\n', newline + 1)) {
        const lineStart = newline + 1;
        out += text.slice(position, lineStart);
        position = lineStart;
        const inLiteral = literals.some((token) => token.range[0] < lineStart && lineStart < token.range[1]);
        const blank = /^[ \t]*(?:\r?\n|$)/.test(text.slice(lineStart, Math.min(to, text.indexOf('\n', lineStart) + 1 || to)));
        if (!inLiteral && !blank) out += unit;
      }
      return out + text.slice(position, to);
    }

    /** One level of indentation: what the block's statements add to the line of its `{`, else two spaces (or a tab). */
    function indentUnit(block: TSESTree.Node, indent: string): string {
      if (block.type !== AST_NODE_TYPES.Program) {
        const text = context.sourceCode.text;
        const start = text.lastIndexOf('\n', block.range[0] - 1) + 1;
        const outer = /^[ \t]*/.exec(text.slice(start, block.range[0]))?.[0] ?? '';
        if (indent.startsWith(outer) && indent.length > outer.length) return indent.slice(outer.length);
      }
      return indent.includes('\t') ? '\t' : '  ';
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

/**
 * From a value up through what passes it on unchanged (type-only wrappers, `await`, `?.`, a
 * branch of `?:`, `||` / `&&` / `??`): the outermost such node and the node that receives it.
 */
function valueSite(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let current = node;
  const parent = findAncestor(node, (ancestor, child) => {
    current = child;
    return !passesValueOn(ancestor, child);
  });
  return { node: current, parent };
}

function passesValueOn(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  return (
    parent.type === AST_NODE_TYPES.TSAsExpression ||
    parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    parent.type === AST_NODE_TYPES.TSNonNullExpression ||
    parent.type === AST_NODE_TYPES.TSTypeAssertion ||
    parent.type === AST_NODE_TYPES.ChainExpression ||
    parent.type === AST_NODE_TYPES.AwaitExpression ||
    parent.type === AST_NODE_TYPES.LogicalExpression ||
    (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== child)
  );
}

const PLAIN_DATA =
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.EnumLike |
  ts.TypeFlags.ESSymbolLike |
  ts.TypeFlags.Void |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Null |
  ts.TypeFlags.Never;

/** Strings, numbers, booleans and the like: data that cannot hold the resource. */
function isPlainData(type: ts.Type): boolean {
  return (type.isUnion() ? type.types : [type]).every((part) => (part.flags & PLAIN_DATA) !== 0);
}

/** `require(…)` with one argument, as the checker reads a CommonJS import in JavaScript. */
function isRequireCall(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'require' && call.arguments.length === 1;
}

function isUntyped(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

function isDeclarationStatement(statement: TSESTree.Node): boolean {
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration ||
    statement.type === AST_NODE_TYPES.FunctionDeclaration ||
    statement.type === AST_NODE_TYPES.ClassDeclaration ||
    statement.type === AST_NODE_TYPES.ImportDeclaration ||
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
    statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration ||
    statement.type === AST_NODE_TYPES.TSExportAssignment ||
    statement.type === AST_NODE_TYPES.TSModuleDeclaration ||
    statement.type === AST_NODE_TYPES.TSEnumDeclaration
  );
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
