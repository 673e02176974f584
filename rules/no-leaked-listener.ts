import { type TypeOrValueSpecifier, valueMatchesSomeSpecifier } from '@typescript-eslint/type-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';
import ts from 'typescript';

import { isWithin } from '../src/ast/ancestors.js';
import { type FieldWrite, instanceFieldWrites, thisMemberKey } from '../src/ast/class-fields.js';
import { calleePath, memberKey, memberName, propertyKeyText, accessPath } from '../src/ast/member-names.js';
import { type ClassNode, enclosingFunction, functionKey, type FunctionNode, isFunctionNode, ownReturnStatements } from '../src/ast/functions.js';
import { getThisScope } from '../src/ast/this-scope.js';
import { walk } from '../src/ast/walk.js';
import { outermostValue, outermostWrapper, skipOuterEsExpressions } from '../src/ast/wrappers.js';
import { createRule, ruleDocsUrl } from '../src/create-rule.js';
import { type DisposeKeys, getDisposeKeys, getHandleRelease, isWellKnownDisposeSymbol, RELEASE_METHOD_NAMES } from '../src/disposable.js';
import {
  DEFAULT_EMITTER_TYPES,
  DEFAULT_EVENT_TARGET_TYPES,
  ListenerApis,
  mayRegisterListeners,
  type Registration,
  type RegistrationCandidate,
  registrationCandidate,
  REMOVAL_METHODS,
  specifierNames,
} from '../src/listeners.js';
import { shortened } from '../src/message-text.js';
import { getParserServices } from '../src/parser-services.js';
import { type BaseTypeMatcher, baseTypeMatcher, typeOrValueSpecifiersSchema } from '../src/type-specifiers.js';

export type Options = [
  {
    eventTargetTypes?: TypeOrValueSpecifier[];
    emitterTypes?: TypeOrValueSpecifier[];
    handleFunctions?: TypeOrValueSpecifier[];
    teardownMethods?: string[];
    componentTypes?: TypeOrValueSpecifier[];
    checkClassesWithoutTeardown?: boolean;
  },
];
export type MessageIds = 'notReleased' | 'noTeardown' | 'cannotRemove' | 'handleDiscarded' | 'keepHandle';

/** Methods that end an object's life, by key text as `propertyKeyText` writes it. */
export const DEFAULT_TEARDOWN_METHODS: readonly string[] = [
  '[Symbol.dispose]',
  '[Symbol.asyncDispose]',
  'dispose',
  'destroy',
  'close',
  'disconnect',
  'stop',
  'teardown',
  'unmount',
  'disconnectedCallback',
  'hostDisconnected',
  'ngOnDestroy',
  'componentWillUnmount',
];

/**
 * Classes (and class decorators) with a lifecycle of their own: their instances are made and
 * dropped by a framework, so one without a teardown method leaks whatever it registers.
 */
export const DEFAULT_COMPONENT_TYPES: readonly TypeOrValueSpecifier[] = [
  { from: 'lib', name: 'HTMLElement' },
  { from: 'package', package: 'react', name: ['Component', 'PureComponent'] },
  { from: 'package', package: '@angular/core', name: ['Component', 'Directive'] },
];

/** The teardown a component of a kind is expected to have, for messages. */
const LIFECYCLE_TEARDOWNS: Readonly<Record<string, string>> = {
  HTMLElement: 'disconnectedCallback',
  Component: 'componentWillUnmount',
  PureComponent: 'componentWillUnmount',
};

/** Calls on a value that release it, besides the shared list: observers also let go of one target. */
const RELEASE_METHODS = new Set([...RELEASE_METHOD_NAMES, 'unobserve']);
const RELEASE_FUNCTIONS = new Set(['clearInterval', 'clearTimeout', 'cancelAnimationFrame']);
const NO_NAMES: ReadonlySet<string> = new Set();
const REGISTERING_METHODS = new Set(['addEventListener', 'on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'subscribe', 'observe']);

type Owner = { kind: 'class'; node: ClassNode } | { kind: 'function'; node: FunctionNode };

/** What keeps the owner alive through a callback, and whether the callback can be named again to remove it. */
interface Capture {
  text: string;
  removable: boolean;
}

type Ownership = 'self' | 'owned' | 'notOwned' | 'unknown';

/** The nodes of the file that release facts and field writes are read from, in traversal order. */
interface FileNodes {
  calls: TSESTree.CallExpression[];
  assignments: TSESTree.AssignmentExpression[];
  /** `this.x` and `this[k]`, `this` written directly. */
  thisMembers: TSESTree.MemberExpression[];
  /** Declarations whose value is `this` (through type-only wrappers): `const self = this`. */
  thisDeclarators: TSESTree.VariableDeclarator[];
}

/** Everything in an owner that releases something, gathered in one pass over it. */
interface ReleaseFacts {
  /** Identities of listeners handed to `removeEventListener` / `off` / `removeListener`. */
  removed: Set<string>;
  /** Access paths of emitters whose `removeAllListeners()` is called (`*` for a call on something unnamed). */
  removedAll: Set<string>;
  /** Access paths rooted at `this` whose value is released, called, passed on or stored elsewhere. */
  releasedPaths: Set<string>;
  /** Access paths of objects that are given `this` (`host.addController(this)`): they hold the owner anyway. */
  holdOwner: Set<string>;
  /** Access paths of objects whose life the owner ends (`this.socket.destroy()`, `this.#ws.close()`): their listeners die with them. */
  ended: Set<string>;
}

export default createRule<Options, MessageIds>({
  name: 'no-leaked-listener',
  meta: {
    type: 'problem',
    docs: {
      description:
        'disallow listeners, subscriptions, intervals and observers that keep their owner alive on a longer-lived target and are not released in its teardown',
      url: ruleDocsUrl('no-leaked-listener'),
      recommended: false,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          eventTargetTypes: typeOrValueSpecifiersSchema(
            'Types whose `addEventListener` / `removeEventListener` behave like `EventTarget`\'s (replaces the default list; a type matches when it or a base type does).',
          ),
          emitterTypes: typeOrValueSpecifiersSchema(
            'Types whose `on` / `addListener` / `prependListener` and `off` / `removeListener` / `removeAllListeners` behave like Node\'s `EventEmitter` (replaces the default list; a type matches when it or a base type does).',
          ),
          handleFunctions: typeOrValueSpecifiersSchema(
            'Further functions or methods that hold the callback they are given until the handle they return is released (a disposable, a subscription, or an unsubscribe function).',
          ),
          teardownMethods: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Method names that end an owner\'s life, written as keys are: `dispose`, `[Symbol.dispose]` (replaces the default list).',
          },
          componentTypes: typeOrValueSpecifiersSchema(
            'Base classes and class decorators of components: a class that derives from one (or is decorated with one) and has no teardown method is reported (replaces the default list).',
          ),
          checkClassesWithoutTeardown: {
            type: 'boolean',
            description:
              'Also report registrations of classes that have no teardown method and are no component (by default they are taken for objects that live as long as the program).',
          },
        },
      },
    ],
    defaultOptions: [
      {
        eventTargetTypes: [...DEFAULT_EVENT_TARGET_TYPES],
        emitterTypes: [...DEFAULT_EMITTER_TYPES],
        handleFunctions: [],
        teardownMethods: [...DEFAULT_TEARDOWN_METHODS],
        componentTypes: [...DEFAULT_COMPONENT_TYPES],
        checkClassesWithoutTeardown: false,
      },
    ],
    messages: {
      notReleased: 'This {{registration}} captures {{capture}}, so {{holder}} keeps {{owner}} alive after {{teardown}}, which never {{release}}.',
      noTeardown: 'This {{registration}} captures {{capture}}, so {{holder}} keeps {{owner}} alive for good: {{owner}} has no {{teardown}} that {{releaseBase}}.',
      cannotRemove:
        'This inline {{registration}} captures {{capture}} and cannot be removed, so {{holder}} keeps {{owner}} alive; keep it in a field and remove it in {{teardown}}{{orSignal}}.',
      handleDiscarded:
        'This {{registration}} captures {{capture}}, so {{holder}} keeps {{owner}} alive for good: the {{handle}} it returns is discarded, so {{teardown}} cannot release it.',
      keepHandle: 'Add the returned {{handle}} to `this.{{field}}`, which {{teardown}} releases.',
    },
    languages: ['js/js'],
  },
  create(context, [options]) {
    const handleFunctions = options.handleFunctions ?? [];
    // Asked first, so that a setup without typed linting fails the same way on every file.
    const services = getParserServices(context);
    const handleNames = specifierNames(handleFunctions);
    // Nothing in the file is written like a registration: no visitor, no type question.
    if (!mayRegisterListeners(context.sourceCode.text, handleNames)) return {};
    const program = services.program;
    const configuredNames: ReadonlySet<string> = handleNames.length === 0 ? NO_NAMES : new Set(handleNames);
    // The type side is set up at the end of the file, and only when it has a candidate: most
    // files that pass the pre-filter have none.
    let checker: ts.TypeChecker;
    let disposeKeys: DisposeKeys | null;
    let apis: ListenerApis;
    const teardownMethods = options.teardownMethods ?? [...DEFAULT_TEARDOWN_METHODS];
    const componentTypes = options.componentTypes ?? [...DEFAULT_COMPONENT_TYPES];
    // Asked only of a class without a teardown method of its own or inherited: looked up then.
    let isComponentType: BaseTypeMatcher | undefined;
    const checkClassesWithoutTeardown = options.checkClassesWithoutTeardown ?? false;

    const captures = new WeakMap<TSESTree.Node, Capture | null>();
    const teardownFunctions = new WeakMap<FunctionNode, boolean>();
    const nearestTeardownFunctions = new WeakMap<FunctionNode, FunctionNode | null>();
    const facts = new WeakMap<TSESTree.Node, ReleaseFacts>();
    const boundMembersPerClass = new WeakMap<ClassNode, ReadonlyMap<string, string>>();
    const outlives = new WeakMap<TSESTree.Node, boolean>();

    // What the release facts and field writes are read from, collected on ESLint's own
    // traversal instead of walks over each owner: every call and assignment, `this.x` accesses
    // and `const self = this` declarations, in traversal order. The candidates are checked once
    // the file is traversed, when these lists are complete.
    const file: FileNodes = { calls: [], assignments: [], thisMembers: [], thisDeclarators: [] };
    const candidates: [TSESTree.CallExpression, RegistrationCandidate][] = [];

    return {
      CallExpression(node): void {
        file.calls.push(node);
        // By its name alone first: most calls are no registration, and this asks nothing.
        const candidate = registrationCandidate(node, configuredNames);
        if (candidate !== undefined) candidates.push([node, candidate]);
      },
      AssignmentExpression(node): void {
        file.assignments.push(node);
      },
      ThisExpression(node): void {
        const parent = node.parent;
        if (parent.type === AST_NODE_TYPES.MemberExpression) {
          if (parent.object === node) file.thisMembers.push(parent);
          return;
        }
        const { node: value, parent: holder } = outermostWrapper(node);
        if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value) file.thisDeclarators.push(holder);
      },
      'Program:exit'(): void {
        if (candidates.length === 0) return;
        checker = program.getTypeChecker();
        disposeKeys = getDisposeKeys(program);
        apis = new ListenerApis(services, {
          eventTargetTypes: options.eventTargetTypes ?? [...DEFAULT_EVENT_TARGET_TYPES],
          emitterTypes: options.emitterTypes ?? [...DEFAULT_EMITTER_TYPES],
          handleFunctions,
        });
        for (const [node, candidate] of candidates) check(node, candidate);
      },
    };

    function check(node: TSESTree.CallExpression, candidate: RegistrationCandidate): void {
      const owner = ownerOf(node);
      if (owner === undefined) return;
      // Both questions are answered from the syntax, before any type is asked: most candidates
      // capture nothing, or register on the owner itself or on something it made.
      const registration = apis.registrationOf(
        node,
        { mayCapture: (argument) => captureOf(argument, owner) !== undefined, mayOutlive: (target) => mayOutliveOwner(target, owner) },
        candidate,
      );
      if (registration === undefined) return;
      const capture = registrationCapture(registration, owner);
      if (capture === undefined) return;
      const holder = holderOf(registration, owner);
      if (holder === undefined) return;
      const state = releaseState(registration, owner, capture);
      if (state === 'released') return;
      const teardown = teardownOf(owner);
      if (teardown === undefined) return;
      const data = {
        registration: registrationText(registration),
        capture: capture.text,
        holder,
        owner: ownerText(owner),
        teardown: teardown.text,
        release: releaseVerb(registration, 'past'),
        releaseBase: releaseVerb(registration, 'base'),
        orSignal: registration.kind === 'eventTarget' ? ', or pass a `{ signal }` that it aborts' : '',
        handle: handleText(registration),
      };
      const reported = registration.call.callee;
      if (state === 'cannotRemove') {
        context.report({ node: reported, messageId: 'cannotRemove', data });
        return;
      }
      if (state === 'discarded') {
        const suggestion = teardown.exists ? keepHandleSuggestion(registration, owner, teardown.text) : undefined;
        context.report({ node: reported, messageId: 'handleDiscarded', data, suggest: suggestion === undefined ? null : [suggestion] });
        return;
      }
      context.report({ node: reported, messageId: teardown.exists ? 'notReleased' : 'noTeardown', data });
    }

    /** The writes into the fields of a class, from the file's assignments. */
    function fieldWrites(classNode: ClassNode): ReadonlyMap<string, readonly FieldWrite[]> {
      return instanceFieldWrites(classNode, file.assignments);
    }

    // ---- Owners ----------------------------------------------------------------------------

    /**
     * The object whose lifetime a registration belongs to: the instance of the class whose
     * constructor, method or field makes it (also from a `function` nested in a method, which
     * reaches the instance only through an alias such as `const self = this`), or the nearest
     * enclosing function that returns a teardown. Static code belongs to the class itself,
     * which lives as long as the program.
     */
    function ownerOf(node: TSESTree.Node): Owner | undefined {
      const scope = getThisScope(node);
      if (scope.kind === 'instance') return { kind: 'class', node: scope.classNode };
      if (scope.kind === 'static') return undefined;
      const teardownFunction = nearestTeardownFunction(enclosingFunction(node));
      if (teardownFunction !== undefined) return { kind: 'function', node: teardownFunction };
      if (scope.kind === 'function') {
        const outer = getThisScope(scope.functionNode);
        if (outer.kind === 'instance') return { kind: 'class', node: outer.classNode };
      }
      return undefined;
    }

    /**
     * The first function from `start` outwards (`start` included) that returns a teardown. The
     * candidates of a file share their outer functions, so the answer is kept for every function
     * passed on the way.
     */
    function nearestTeardownFunction(start: FunctionNode | undefined): FunctionNode | undefined {
      const passed: FunctionNode[] = [];
      let found: FunctionNode | undefined;
      for (let fn = start; fn !== undefined; fn = enclosingFunction(fn)) {
        const known = nearestTeardownFunctions.get(fn);
        if (known !== undefined) {
          found = known ?? undefined;
          break;
        }
        passed.push(fn);
        if (returnsTeardown(fn)) {
          found = fn;
          break;
        }
      }
      for (const fn of passed) nearestTeardownFunctions.set(fn, found ?? null);
      return found;
    }

    /**
     * The function hands back a teardown: a function without parameters, or an object with a
     * teardown method (`{ destroy() {…} }`), that releases something (removes a listener,
     * unsubscribes, disposes, clears a timer, calls a stored unsubscribe function). Returning
     * any other function (a factory, a middleware) does not make it an owner.
     */
    function returnsTeardown(fn: FunctionNode): boolean {
      let answer = teardownFunctions.get(fn);
      if (answer !== undefined) return answer;
      answer = false;
      const returned: TSESTree.Node[] = [];
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
        returned.push(fn.body);
      } else {
        for (const statement of ownReturnStatements(fn)) if (statement.argument !== null) returned.push(statement.argument);
      }
      for (const value of returned) {
        if (isTeardownValue(skipOuterEsExpressions(value), fn)) {
          answer = true;
          break;
        }
      }
      teardownFunctions.set(fn, answer);
      return answer;
    }

    function isTeardownValue(value: TSESTree.Node, fn: FunctionNode): boolean {
      if (value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression) {
        return value.params.length === 0 && releasesSomething(value);
      }
      if (value.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(value);
        const definition = variable?.defs[0];
        if (definition === undefined || !isWithin(definition.node, fn)) return false;
        if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node.params.length === 0 && releasesSomething(definition.node);
        if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init !== null && definition.node.parent.kind === 'const') {
          const init = skipOuterEsExpressions(definition.node.init);
          return init !== value && isTeardownValue(init, fn);
        }
        return false;
      }
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        return value.properties.some((property) => {
          if (property.type !== AST_NODE_TYPES.Property) return false;
          const key = memberKey(property);
          if (key === undefined || !teardownMethods.includes(propertyKeyText(key))) return false;
          return isFunctionNode(property.value) && releasesSomething(property.value);
        });
      }
      return false;
    }

    /** A call in the function's body that releases something. */
    function releasesSomething(fn: FunctionNode): boolean {
      let found = false;
      walk(fn.body, (node) => {
        if (found) return false;
        if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const callee = skipOuterEsExpressions(node.callee, { chains: true });
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const name = memberName(callee);
          if (
            (callee.computed && isWellKnownDisposeSymbol(callee.property)) ||
            (name !== undefined && (RELEASE_METHODS.has(name) || REMOVAL_METHODS.has(name) || name === 'removeAllListeners'))
          ) {
            found = true;
          }
        } else if (callee.type === AST_NODE_TYPES.Identifier) {
          // `clearInterval(id)`, or a stored unsubscribe function: `unsubscribe()`.
          if (RELEASE_FUNCTIONS.has(callee.name)) found = true;
          else {
            const variable = findVariable(callee);
            if (variable !== undefined && variable.defs.length > 0 && !isModuleLevel(variable)) found = true;
          }
        }
        return undefined;
      });
      return found;
    }

    // ---- What keeps the owner alive --------------------------------------------------------

    function registrationCapture(registration: Registration, owner: Owner): Capture | undefined {
      if (registration.kind === 'observer') {
        const construction = observerConstruction(registration.observer, owner);
        const callback = construction?.arguments[0];
        if (callback === undefined || callback.type === AST_NODE_TYPES.SpreadElement) return undefined;
        return captureOf(callback, owner);
      }
      for (const callback of registration.callbacks) {
        const capture = captureOf(callback, owner);
        if (capture !== undefined) return capture;
      }
      return undefined;
    }

    /**
     * How `argument`, given as a callback, keeps the owner alive, or undefined when it does not
     * (as far as the code shows). For a class: an arrow that uses `this`, a function bound to
     * `this`, an arrow or bound function kept in a field, `this` itself as the listener object,
     * or a closure over a variable that holds `this`. For a function that returns a teardown: a
     * closure over its variables or those of the functions around it.
     */
    function captureOf(argument: TSESTree.Node, owner: Owner, depth = 0): Capture | undefined {
      const cached = captures.get(argument);
      if (cached !== undefined) return cached ?? undefined;
      const found = depth > 4 ? undefined : computeCapture(skipOuterEsExpressions(argument), owner, depth);
      captures.set(argument, found ?? null);
      return found;
    }

    function computeCapture(node: TSESTree.Node, owner: Owner, depth: number): Capture | undefined {
      switch (node.type) {
        case AST_NODE_TYPES.ThisExpression:
          return owner.kind === 'class' && isOwnerThis(node, owner.node) ? { text: '`this` (the listener object)', removable: true } : undefined;
        case AST_NODE_TYPES.ArrowFunctionExpression:
        case AST_NODE_TYPES.FunctionExpression:
          return functionCapture(node, owner);
        case AST_NODE_TYPES.AssignmentExpression: {
          const inner = captureOf(node.right, owner, depth + 1);
          return inner === undefined ? undefined : { ...inner, removable: true };
        }
        case AST_NODE_TYPES.CallExpression: {
          const callee = skipOuterEsExpressions(node.callee, { chains: true });
          if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind') {
            const [bound] = node.arguments;
            if (bound !== undefined && owner.kind === 'class' && holdsOwner(bound, owner.node)) {
              return { text: '`this` through `.bind(this)`', removable: false };
            }
            const inner = captureOf(callee.object, owner, depth + 1);
            return inner === undefined ? undefined : { ...inner, removable: false };
          }
          // A wrapper such as `debounce(() => this.layout(), 50)` keeps the function it wraps:
          // the capture is found in the syntax first, the type is asked only then.
          for (const inner of node.arguments) {
            if (!isFunctionNode(inner)) continue;
            const found = captureOf(inner, owner, depth + 1);
            if (found === undefined) continue;
            return services.getTypeAtLocation(node).getCallSignatures().length === 0 ? undefined : { ...found, removable: false };
          }
          return undefined;
        }
        case AST_NODE_TYPES.Identifier:
          return identifierCapture(node, owner, depth);
        case AST_NODE_TYPES.MemberExpression: {
          if (owner.kind !== 'class') return undefined;
          const key = thisMemberKey(node, owner.node);
          if (key === undefined) return undefined;
          const how = boundMembers(owner.node).get(key);
          return how === undefined ? undefined : { text: `\`this\` through ${how} \`${key}\``, removable: true };
        }
        case AST_NODE_TYPES.ObjectExpression:
          // An observer or listener object: `{ next: (value) => this.update(value) }`.
          for (const property of node.properties) {
            if (property.type !== AST_NODE_TYPES.Property) continue;
            const found = captureOf(property.value, owner, depth + 1);
            if (found !== undefined) return { ...found, removable: false };
          }
          return undefined;
        default:
          return undefined;
      }
    }

    function functionCapture(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, owner: Owner): Capture | undefined {
      if (owner.kind === 'class') {
        if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression && isOwnerThis(fn, owner.node) && usesThis(fn)) {
          return { text: '`this`', removable: false };
        }
        const alias = freeVariables(fn).find((variable) => isThisAlias(variable, owner.node));
        return alias === undefined ? undefined : { text: `\`${alias.name}\`, which holds \`this\``, removable: false };
      }
      const local = freeVariables(fn).find((variable) => isOwnersState(variable, owner));
      return local === undefined ? undefined : { text: `\`${local.name}\``, removable: false };
    }

    function identifierCapture(node: TSESTree.Identifier, owner: Owner, depth: number): Capture | undefined {
      const variable = findVariable(node);
      const definition = variable?.defs[0];
      if (variable === undefined || definition === undefined || isModuleLevel(variable)) return undefined;
      if (owner.kind === 'class' && isThisAlias(variable, owner.node)) {
        return { text: `\`${variable.name}\` (the listener object), which holds \`this\``, removable: true };
      }
      let value: TSESTree.Node | undefined;
      if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) value = definition.node;
      else if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init !== null && isNeverReassigned(variable)) {
        value = definition.node.init;
      }
      if (value !== undefined) {
        const inner = value.type === AST_NODE_TYPES.FunctionDeclaration ? functionDeclarationCapture(value, owner) : captureOf(value, owner, depth + 1);
        if (inner !== undefined) return { ...inner, removable: true };
      }
      // A function owner's listener defined in a function around it (a component's handler):
      // it is part of the state the owner's teardown should let go of.
      if (owner.kind === 'function' && !isWithin(definition.node, owner.node) && definition.type !== TSESLint.Scope.DefinitionType.Parameter && value !== undefined && isFunctionNode(skipOuterEsExpressions(value))) {
        return { text: `\`${variable.name}\``, removable: true };
      }
      return undefined;
    }

    function functionDeclarationCapture(fn: TSESTree.FunctionDeclaration, owner: Owner): Capture | undefined {
      if (owner.kind === 'class') {
        const alias = freeVariables(fn).find((variable) => isThisAlias(variable, owner.node));
        return alias === undefined ? undefined : { text: `\`${alias.name}\`, which holds \`this\``, removable: true };
      }
      const local = freeVariables(fn).find((variable) => isOwnersState(variable, owner));
      return local === undefined ? undefined : { text: `\`${local.name}\``, removable: true };
    }

    /**
     * A variable that is part of a function owner's state: not module-level, and not one of the
     * owner's parameters (those are the caller's values, such as the target itself).
     */
    function isOwnersState(variable: TSESLint.Scope.Variable, owner: Owner): boolean {
      const definition = variable.defs[0];
      if (definition === undefined || isModuleLevel(variable)) return false;
      return !(definition.type === TSESLint.Scope.DefinitionType.Parameter && definition.node === owner.node);
    }

    /**
     * Instance members that hold a function keeping `this`: arrow fields that use `this`
     * (`onResize = () => this.layout()`), bound methods (`this.onClick = this.onClick.bind(this)`),
     * and wrapped arrows (`onScroll = throttle(() => this.sync())`). Value: how to name it.
     */
    function boundMembers(classNode: ClassNode): ReadonlyMap<string, string> {
      const cached = boundMembersPerClass.get(classNode);
      if (cached !== undefined) return cached;
      const found = new Map<string, string>();
      for (const [key, writes] of fieldWrites(classNode)) {
        for (const write of writes) {
          const value = write.value === undefined ? undefined : skipOuterEsExpressions(write.value);
          if (value === undefined) continue;
          if (value.type === AST_NODE_TYPES.ArrowFunctionExpression) {
            if (usesThis(value)) found.set(key, write.kind === 'initializer' ? 'the arrow field' : 'the arrow function in');
          } else if (value.type === AST_NODE_TYPES.CallExpression) {
            const callee = skipOuterEsExpressions(value.callee, { chains: true });
            if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind') {
              const [bound] = value.arguments;
              if (bound !== undefined && holdsOwner(bound, classNode)) found.set(key, 'the bound method');
            } else if (value.arguments.some((argument) => argument.type === AST_NODE_TYPES.ArrowFunctionExpression && usesThis(argument))) {
              found.set(key, 'the wrapped arrow in');
            }
          }
        }
      }
      boundMembersPerClass.set(classNode, found);
      return found;
    }

    /** `this` at `node` is the instance of `classNode` (arrows looked through). */
    function isOwnerThis(node: TSESTree.Node, classNode: ClassNode): boolean {
      const scope = getThisScope(node);
      return scope.kind === 'instance' && scope.classNode === classNode;
    }

    /** The expression is `this` of the owner, or a variable holding it. */
    function holdsOwner(node: TSESTree.Node, classNode: ClassNode): boolean {
      const value = skipOuterEsExpressions(node);
      if (value.type === AST_NODE_TYPES.ThisExpression) return isOwnerThis(value, classNode);
      if (value.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(value);
      return variable !== undefined && isThisAlias(variable, classNode);
    }

    /** `const self = this` in the class. */
    function isThisAlias(variable: TSESLint.Scope.Variable, classNode: ClassNode): boolean {
      const definition = variable.defs[0];
      if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.init === null) return false;
      const init = skipOuterEsExpressions(definition.node.init);
      return init.type === AST_NODE_TYPES.ThisExpression && isOwnerThis(init, classNode) && isNeverReassigned(variable);
    }

    /** The arrow reads `this` (or `super`) itself or in arrows inside it. */
    function usesThis(fn: FunctionNode): boolean {
      let found = false;
      walk(fn.body, (node) => {
        if (found) return false;
        if (node.type === AST_NODE_TYPES.ThisExpression || node.type === AST_NODE_TYPES.Super) {
          found = true;
          return false;
        }
        // A `function` or a class inside has a `this` of its own.
        if (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassBody) {
          return false;
        }
        return undefined;
      });
      return found;
    }

    /** Variables the function reads from the scopes around it (values only, not types). */
    function freeVariables(fn: FunctionNode): TSESLint.Scope.Variable[] {
      const scope = context.sourceCode.getScope(fn);
      const found: TSESLint.Scope.Variable[] = [];
      for (const reference of scope.through) {
        if (!reference.isValueReference || reference.resolved === null) continue;
        if (!found.includes(reference.resolved)) found.push(reference.resolved);
      }
      return found;
    }

    // ---- Whose the target is ---------------------------------------------------------------

    /**
     * How to name what keeps the callback when it is longer-lived than the owner, or undefined
     * when the owner owns it (it is the owner, or the owner made it), or when it cannot tell.
     */
    function holderOf(registration: Registration, owner: Owner): string | undefined {
      if (registration.kind === 'interval') return 'the timer';
      if (registration.kind === 'observer') {
        if (registration.event === 'PerformanceObserver') return 'the performance timeline';
        const observed = registration.target;
        if (observed === undefined || !targetIsNotOwned(observed, owner)) return undefined;
        return `${code(observed)}, which the observer watches,`;
      }
      const target = registration.target ?? registration.call.callee;
      if (!targetIsNotOwned(target, owner)) return undefined;
      return code(target);
    }

    function targetIsNotOwned(target: TSESTree.Expression, owner: Owner): boolean {
      if (!mayOutliveOwner(target, owner)) return false;
      return !holdsTheOwner(target, owner) && !isEndedByOwner(target, owner);
    }

    /**
     * The target is not the owner's: its ownership says so, or it cannot tell and the target is
     * a window, document or process. Asked before the registration's types, and again by
     * `holderOf` for the same node (a call has one owner, so the answer is kept per node).
     */
    function mayOutliveOwner(target: TSESTree.Expression, owner: Owner): boolean {
      let answer = outlives.get(target);
      if (answer !== undefined) return answer;
      const ownership = ownershipOf(target, owner, 0);
      answer = ownership === 'notOwned' || (ownership === 'unknown' && apis.isLongLived(target));
      outlives.set(target, answer);
      return answer;
    }

    /**
     * The owner ends the target's life itself (`this.socket.destroy()`, `this.#ws.close()`) or
     * keeps it in its own bookkeeping (`this._register(this.parser)`): the target was handed in
     * to be owned (a connection's socket, a default parser), and its listeners go with it.
     */
    function isEndedByOwner(target: TSESTree.Expression, owner: Owner): boolean {
      const ended = factsOf(owner).ended;
      if (ended.size === 0) return false;
      return samePaths(target, owner).some((path) => ended.has(path));
    }

    /**
     * Whose the value of `node` is, seen from the owner: `self` (the owner), `owned` (made by
     * the owner: `new`, a literal, a local made so), `notOwned` (a parameter, an injected or
     * decorated field, a module-level value, an import, a global, a static member, or a part
     * of any of these), or `unknown` (call results, variables of functions around the owner,
     * fields written in mixed ways). Only `notOwned` targets are reported.
     */
    function ownershipOf(expression: TSESTree.Node, owner: Owner, depth: number): Ownership {
      if (depth > 6) return 'unknown';
      const node = skipOuterEsExpressions(expression, { chains: true });
      switch (node.type) {
        case AST_NODE_TYPES.ThisExpression:
          return owner.kind === 'class' && isOwnerThis(node, owner.node) ? 'self' : 'unknown';
        case AST_NODE_TYPES.NewExpression:
        case AST_NODE_TYPES.ObjectExpression:
        case AST_NODE_TYPES.ArrayExpression:
          return 'owned';
        case AST_NODE_TYPES.Identifier:
          return identifierOwnership(node, owner, depth);
        case AST_NODE_TYPES.MemberExpression: {
          if (owner.kind === 'class') {
            const key = thisMemberKey(node, owner.node);
            if (key !== undefined) return fieldOwnership(node, key, owner, depth);
          }
          const base = ownershipOf(node.object, owner, depth + 1);
          // A part of something the owner does not own is not the owner's either; a part of
          // the owner (`this.shadowRoot`) or of something it made is its own.
          return base === 'self' ? 'unknown' : base;
        }
        case AST_NODE_TYPES.CallExpression: {
          // `emitter.on(…).on(…)`: the emitter methods hand back their receiver.
          const callee = skipOuterEsExpressions(node.callee, { chains: true });
          if (callee.type === AST_NODE_TYPES.MemberExpression && ['on', 'addListener', 'prependListener'].includes(memberName(callee) ?? '')) {
            return ownershipOf(callee.object, owner, depth + 1);
          }
          return 'unknown';
        }
        case AST_NODE_TYPES.ConditionalExpression:
          return combine([ownershipOf(node.consequent, owner, depth + 1), ownershipOf(node.alternate, owner, depth + 1)]);
        case AST_NODE_TYPES.LogicalExpression:
          return combine([ownershipOf(node.left, owner, depth + 1), ownershipOf(node.right, owner, depth + 1)]);
        default:
          return 'unknown';
      }
    }

    function identifierOwnership(node: TSESTree.Identifier, owner: Owner, depth: number): Ownership {
      const variable = findVariable(node);
      // An undeclared name is a global of the environment: `window`, `document`, `process`.
      if (variable === undefined || variable.defs.length === 0) return 'notOwned';
      const definition = variable.defs[0];
      if (definition === undefined) return 'notOwned';
      // A class's own name inside its body has a scope of its own; the class lives as long as the module.
      if (isModuleLevel(variable) || definition.type === TSESLint.Scope.DefinitionType.ImportBinding || definition.type === TSESLint.Scope.DefinitionType.ClassName) return 'notOwned';
      if (definition.type === TSESLint.Scope.DefinitionType.Parameter) return isOwnersOwnFunction(definition.node, owner) ? 'notOwned' : 'unknown';
      if (!isWithin(definition.node, owner.node)) return 'unknown';
      if (owner.kind === 'class' && isThisAlias(variable, owner.node)) return 'self';
      if (definition.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.init === null || !isNeverReassigned(variable)) {
        return 'unknown';
      }
      return ownershipOf(definition.node.init, owner, depth + 1);
    }

    /** A parameter of the owner itself: of the function that returns the teardown, or of a method or constructor of the class. */
    function isOwnersOwnFunction(fn: TSESTree.Node, owner: Owner): boolean {
      if (owner.kind === 'function') return fn === owner.node;
      // Only the constructor's: what a method is given (`track(widget)`) may well die before the owner.
      const member = fn.parent;
      return member?.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && member.value === fn && member.parent.parent === owner.node;
    }

    /** A field of the class: every write it has tells, and it is `notOwned` only if all of them say so. */
    function fieldOwnership(member: TSESTree.Node, key: string, owner: Owner & { kind: 'class' }, depth: number): Ownership {
      const writes = fieldWrites(owner.node).get(key) ?? [];
      const verdicts: Ownership[] = [];
      for (const write of writes) {
        if (write.kind === 'parameterProperty') verdicts.push('notOwned');
        else if (write.kind === 'declaration') {
          // `@Input() target`, `@inject(Service) service`: filled from outside.
          if (write.decorated) verdicts.push('notOwned');
        } else if (write.value !== undefined) {
          const verdict = ownershipOf(write.value, owner, depth + 1);
          verdicts.push(verdict === 'self' ? 'owned' : verdict);
        }
      }
      if (verdicts.length > 0) return combine(verdicts);
      return declaredOutsideOwnership(member);
    }

    /** A field declared in a base class: a parameter property or a decorated field there is injected too. */
    function declaredOutsideOwnership(member: TSESTree.Node): Ownership {
      if (member.type !== AST_NODE_TYPES.MemberExpression) return 'unknown';
      const tsNode = services.esTreeNodeToTSNodeMap.get(member.property);
      const symbol = checker.getSymbolAtLocation(tsNode);
      const declarations = symbol?.declarations ?? [];
      if (declarations.length === 0) return 'unknown';
      const injected = declarations.every(
        (declaration) =>
          (ts.isParameter(declaration) && ts.isParameterPropertyDeclaration(declaration, declaration.parent)) ||
          (ts.isPropertyDeclaration(declaration) &&
            declaration.initializer === undefined &&
            !declaration.getSourceFile().isDeclarationFile &&
            (ts.getDecorators(declaration)?.length ?? 0) > 0),
      );
      return injected ? 'notOwned' : 'unknown';
    }

    /**
     * The target was given the owner (`host.addController(this)`, `parent.children.push(this)`,
     * `target.owner = this`): it holds the owner anyway, and its listener only closes a cycle
     * that is collected with both.
     */
    function holdsTheOwner(target: TSESTree.Expression, owner: Owner): boolean {
      if (owner.kind !== 'class') return false;
      const holders = factsOf(owner).holdOwner;
      if (holders.size === 0) return false;
      for (const path of samePaths(target, owner)) {
        for (const holder of holders) if (holder === path || holder.startsWith(`${path}.`)) return true;
      }
      return false;
    }

    /**
     * The paths that name the same object as `target` in a class: its own, and between a field
     * and the constructor parameter it is filled from (`this.socket` and `socket`, both ways).
     */
    function samePaths(target: TSESTree.Node, owner: Owner): string[] {
      const path = accessPath(target);
      if (path === undefined) return [];
      if (owner.kind !== 'class') return [path];
      const paths = [path];
      const writes = fieldWrites(owner.node);
      const key = thisMemberKey(target, owner.node);
      if (key !== undefined) {
        for (const write of writes.get(key) ?? []) {
          if (write.kind === 'parameterProperty') paths.push(key);
          const written = write.value === undefined ? undefined : accessPath(write.value);
          if (written !== undefined) paths.push(written);
        }
        return paths;
      }
      for (const [field, fieldWrites] of writes) {
        for (const write of fieldWrites) {
          const written = write.kind === 'parameterProperty' ? field : write.value === undefined ? undefined : accessPath(write.value);
          if (written === path) paths.push(`this.${field}`);
        }
      }
      return paths;
    }

    // ---- Releases --------------------------------------------------------------------------

    /**
     * `released` when the owner removes the listener (same function), aborts its signal, lets
     * it go after one event, or releases the handle (stored and released, handed to a
     * collection or to the caller); `discarded` when the handle is thrown away;
     * `cannotRemove` when an inline listener has no other way out; else `notReleased`.
     * Wherever in the owner the release is counts: the rule does not check that the method
     * holding it runs.
     */
    function releaseState(registration: Registration, owner: Owner, capture: Capture): 'released' | 'notReleased' | 'discarded' | 'cannotRemove' {
      const ownerFacts = factsOf(owner);
      switch (registration.kind) {
        case 'eventTarget':
        case 'emitter': {
          if (registration.kind === 'eventTarget' && optionsRelease(registration.options, owner)) return 'released';
          const identity = registration.listener === undefined ? undefined : listenerIdentity(registration.listener);
          if (identity !== undefined && ownerFacts.removed.has(identity)) return 'released';
          if (registration.kind === 'emitter') {
            const paths = registration.target === undefined ? [] : samePaths(registration.target, owner);
            if (ownerFacts.removedAll.has('*') || paths.some((path) => ownerFacts.removedAll.has(path))) return 'released';
          }
          return identity === undefined || !capture.removable ? 'cannotRemove' : 'notReleased';
        }
        case 'observer':
          return registration.observer !== undefined && isHolderReleased(registration.observer, owner) ? 'released' : 'notReleased';
        default:
          if (registration.handedOver) return 'released';
          return handleFate(registration.call, owner);
      }
    }

    /** Where the handle a registration returns goes. */
    function handleFate(call: TSESTree.Node, owner: Owner): 'released' | 'notReleased' | 'discarded' {
      const { node, parent } = outermostValue(call);
      if (parent === undefined) return 'released';
      switch (parent.type) {
        case AST_NODE_TYPES.ExpressionStatement:
          return 'discarded';
        case AST_NODE_TYPES.UnaryExpression:
          return parent.operator === 'void' && parent.parent.type === AST_NODE_TYPES.ExpressionStatement ? 'discarded' : 'released';
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init !== node || parent.id.type !== AST_NODE_TYPES.Identifier) return 'released';
          return isHolderReleased(parent.id, owner) ? 'released' : 'notReleased';
        case AST_NODE_TYPES.AssignmentExpression:
          if (parent.right !== node) return 'released';
          if (owner.kind === 'class' && thisMemberKey(parent.left, owner.node) === undefined && parent.left.type === AST_NODE_TYPES.MemberExpression) {
            // Stored on something else (`this.subs[id] = …`, `state.sub = …`): handed over.
            return 'released';
          }
          return isHolderReleased(parent.left, owner) ? 'released' : 'notReleased';
        case AST_NODE_TYPES.PropertyDefinition: {
          // `private timer = setInterval(…)`: kept in a field of the owner.
          const key = parent.value === node && !parent.static ? memberKey(parent) : undefined;
          if (key === undefined || owner.kind !== 'class') return 'released';
          return factsOf(owner).releasedPaths.has(`this.${propertyKeyText(key)}`) ? 'released' : 'notReleased';
        }
        case AST_NODE_TYPES.MemberExpression: {
          // `setInterval(…).unref()` hands back the same timer.
          const name = memberName(parent);
          const call = parent.parent;
          if ((name === 'unref' || name === 'ref') && call.type === AST_NODE_TYPES.CallExpression && call.callee === parent) return handleFate(call, owner);
          return 'released';
        }
        default:
          // Passed to a call, returned, stored in a collection or literal: handed over.
          return 'released';
      }
    }

    /** The value kept in `holder` (a local or a field path) is released somewhere in the owner. */
    function isHolderReleased(holder: TSESTree.Node, owner: Owner): boolean {
      const node = skipOuterEsExpressions(holder, { chains: true });
      if (node.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(node);
        if (variable === undefined || isModuleLevel(variable) || !isWithin(variable.defs[0]?.node ?? node, owner.node)) {
          // A module-level or outer variable: whoever else sees it may release it.
          return true;
        }
        return variable.references.some((reference) => !reference.init && reference.isRead() && isReleasingUse(reference.identifier));
      }
      const path = accessPath(node);
      if (path === undefined || !path.startsWith('this.') || owner.kind !== 'class') return true;
      return factsOf(owner).releasedPaths.has(path);
    }

    /** `{ signal }` (unless its controller is the owner's own and never aborted) or `{ once: true }`, or options the rule cannot read. */
    function optionsRelease(optionsNode: TSESTree.Expression | undefined, owner: Owner): boolean {
      if (optionsNode === undefined) return false;
      const value = skipOuterEsExpressions(optionsNode);
      if (value.type === AST_NODE_TYPES.Literal) return false;
      if (value.type !== AST_NODE_TYPES.ObjectExpression) return true;
      for (const property of value.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) return true;
        const key = memberKey(property);
        if (key?.kind !== 'name') continue;
        if (key.name === 'once') {
          const flag = skipOuterEsExpressions(property.value);
          if (!(flag.type === AST_NODE_TYPES.Literal && flag.value === false)) return true;
        }
        if (key.name === 'signal' && signalIsAborted(property.value, owner)) return true;
      }
      return false;
    }

    /** The signal is aborted by somebody: the owner aborts a controller it made, or it came from elsewhere. */
    function signalIsAborted(signal: TSESTree.Node, owner: Owner): boolean {
      const value = skipOuterEsExpressions(signal, { chains: true });
      if (value.type !== AST_NODE_TYPES.MemberExpression || memberName(value) !== 'signal') return true;
      const controller = value.object;
      if (ownershipOf(controller, owner, 0) !== 'owned') return true;
      return isHolderReleased(controller, owner);
    }

    /** The identity a removal has to repeat: a variable, or an access path; undefined for a function made in the call. */
    function listenerIdentity(listener: TSESTree.Node): string | undefined {
      const node = skipOuterEsExpressions(listener, { chains: true });
      if (node.type === AST_NODE_TYPES.AssignmentExpression) return listenerIdentity(node.left);
      if (node.type === AST_NODE_TYPES.Identifier) {
        const definition = findVariable(node)?.defs[0];
        return definition === undefined ? `global:${node.name}` : `variable:${String(definition.name.range[0])}`;
      }
      const path = accessPath(node);
      return path === undefined ? undefined : `path:${path}`;
    }

    /** `this` or one of its fields (`this.toDispose`, `this._store`), not something reached through them. */
    function isOwnBookkeeping(node: TSESTree.Node): boolean {
      const path = accessPath(node);
      return path === 'this' || (path !== undefined && path.startsWith('this.') && !path.includes('.', 'this.'.length));
    }

    /** The releases of an owner, read from the file's nodes that lie inside it. */
    function factsOf(owner: Owner): ReleaseFacts {
      const cached = facts.get(owner.node);
      if (cached !== undefined) return cached;
      const found: ReleaseFacts = { removed: new Set(), removedAll: new Set(), releasedPaths: new Set(), holdOwner: new Set(), ended: new Set() };
      const root = owner.kind === 'class' ? owner.node.body : owner.node.body;
      const within = <T extends TSESTree.Node>(nodes: readonly T[]): T[] => nodes.filter((node) => isWithin(node, root));
      // What may hand the owner to another object: `host.add(x)` / `target.owner = x` where x is
      // `this` or a name. A name holds the owner only if it is declared `= this` somewhere in
      // the class, so only such names are looked up (a scope question each).
      const handOvers: { holder: TSESTree.Node; value: TSESTree.Node; assigned: boolean }[] = [];
      const mayBeOwner = (value: TSESTree.Node): boolean => {
        const unwrapped = skipOuterEsExpressions(value);
        return unwrapped.type === AST_NODE_TYPES.ThisExpression || unwrapped.type === AST_NODE_TYPES.Identifier;
      };
      for (const node of within(file.calls)) {
        const callee = skipOuterEsExpressions(node.callee, { chains: true });
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
        if (name !== undefined && REMOVAL_METHODS.has(name)) {
          for (const argument of node.arguments) {
            const identity = listenerIdentity(argument);
            if (identity !== undefined) found.removed.add(identity);
          }
        }
        if (name === 'removeAllListeners' && callee.type === AST_NODE_TYPES.MemberExpression) {
          found.removedAll.add(accessPath(callee.object) ?? '*');
        }
        if (callee.type === AST_NODE_TYPES.MemberExpression && ((callee.computed && isWellKnownDisposeSymbol(callee.property)) || (name !== undefined && RELEASE_METHOD_NAMES.includes(name)))) {
          const ended = accessPath(callee.object);
          if (ended !== undefined) found.ended.add(ended);
        }
        // Calls that are no registration, in a class: `bus.addEventListener('x', this)` is what is checked.
        if (owner.kind === 'class' && callee.type === AST_NODE_TYPES.MemberExpression && !REGISTERING_METHODS.has(name ?? '')) {
          // `this._register(this.parser)`, `this.toDispose.push(this.emitter)`: the owner keeps the
          // value in its own bookkeeping, which ties the value's life to the owner's.
          const bookkeeping = isOwnBookkeeping(callee.object);
          for (const argument of node.arguments) {
            const kept = bookkeeping ? accessPath(argument) : undefined;
            if (kept !== undefined && kept !== 'this') found.ended.add(kept);
            // Handing `this` to a method of another object makes that object hold it.
            if (mayBeOwner(argument)) handOvers.push({ holder: callee.object, value: argument, assigned: false });
          }
        }
      }
      for (const node of within(file.thisMembers)) {
        if (!isReleasingUse(node)) continue;
        const path = accessPath(node);
        if (path !== undefined) found.releasedPaths.add(path);
      }
      if (owner.kind === 'class') {
        for (const node of within(file.assignments)) {
          if (node.left.type === AST_NODE_TYPES.MemberExpression && mayBeOwner(node.right)) handOvers.push({ holder: node.left.object, value: node.right, assigned: true });
        }
        const thisAliasNames = new Set<string>();
        for (const node of within(file.thisDeclarators)) {
          walk(node.id, (part) => {
            if (part.type === AST_NODE_TYPES.Identifier) thisAliasNames.add(part.name);
            return undefined;
          });
        }
        for (const { holder, value, assigned } of handOvers) {
          const unwrapped = skipOuterEsExpressions(value);
          if (unwrapped.type === AST_NODE_TYPES.Identifier && !thisAliasNames.has(unwrapped.name)) continue;
          if (!holdsOwner(value, owner.node)) continue;
          const path = accessPath(holder);
          if (path !== undefined && !(assigned && path === 'this')) found.holdOwner.add(path);
        }
      }
      facts.set(owner.node, found);
      return found;
    }

    /**
     * A read of a handle that releases it or lets it go: a release method called on it
     * (`dispose()`, `unsubscribe()`, `abort()`, `disconnect()`, `[Symbol.dispose]()`), the
     * value called (an unsubscribe function), passed to a call (`clearInterval(id)`,
     * `stack.use(handle)`), or stored, returned or put in a literal elsewhere.
     */
    function isReleasingUse(reference: TSESTree.Node): boolean {
      const { node, parent } = outermostWrapper(reference);
      if (parent === undefined) return false;
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression: {
          if (parent.object !== node) return false;
          if (parent.computed && isWellKnownDisposeSymbol(parent.property)) return true;
          const name = memberName(parent);
          return name !== undefined && RELEASE_METHODS.has(name);
        }
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          return true;
        case AST_NODE_TYPES.AssignmentExpression:
          return parent.right === node;
        case AST_NODE_TYPES.VariableDeclarator:
          return parent.init === node;
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.ArrayExpression:
        case AST_NODE_TYPES.Property:
        case AST_NODE_TYPES.SpreadElement:
        case AST_NODE_TYPES.YieldExpression:
        case AST_NODE_TYPES.ArrowFunctionExpression:
          return true;
        default:
          return false;
      }
    }

    /** The `new ResizeObserver(callback)` an observer expression was made by. */
    function observerConstruction(observer: TSESTree.Expression | undefined, owner: Owner): TSESTree.NewExpression | undefined {
      if (observer === undefined) return undefined;
      const node = skipOuterEsExpressions(observer, { chains: true });
      if (node.type === AST_NODE_TYPES.NewExpression) return node;
      let values: (TSESTree.Expression | undefined)[] = [];
      if (node.type === AST_NODE_TYPES.Identifier) {
        const definition = findVariable(node)?.defs[0];
        if (definition?.node.type === AST_NODE_TYPES.VariableDeclarator) values = [definition.node.init ?? undefined];
      } else if (owner.kind === 'class') {
        const key = thisMemberKey(node, owner.node);
        if (key !== undefined) values = (fieldWrites(owner.node).get(key) ?? []).map((write) => write.value);
      }
      const constructions = values.map((value) => (value === undefined ? undefined : skipOuterEsExpressions(value)));
      if (constructions.length !== 1) return undefined;
      const [construction] = constructions;
      return construction?.type === AST_NODE_TYPES.NewExpression ? construction : undefined;
    }

    // ---- Teardowns and suggestions ---------------------------------------------------------

    interface Teardown {
      /** How the message names it: `` `dispose()` ``, or the teardown a function returns. */
      text: string;
      /** The owner has it (its own, inherited, or returned); false for a component without one. */
      exists: boolean;
      /** Own teardown methods of the class, for the suggestion. */
      methods: TSESTree.FunctionExpression[];
    }

    /** The owner's teardown, or undefined when the owner has none and is not expected to (a plain class). */
    function teardownOf(owner: Owner): Teardown | undefined {
      if (owner.kind === 'function') return { text: 'the teardown it returns', exists: true, methods: [] };
      const classNode = owner.node;
      const methods: TSESTree.FunctionExpression[] = [];
      let own: string | undefined;
      for (const member of classNode.body.body) {
        if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static || member.kind !== 'method') continue;
        const key = memberKey(member);
        if (key === undefined || !teardownMethods.includes(propertyKeyText(key))) continue;
        own ??= propertyKeyText(key);
        if (member.value.type === AST_NODE_TYPES.FunctionExpression) methods.push(member.value);
      }
      if (own !== undefined) return { text: `\`${own}()\``, exists: true, methods };
      const instanceType = classInstanceType(classNode);
      const inherited = instanceType === undefined ? undefined : teardownMethods.find((name) => hasMember(instanceType, name));
      if (inherited !== undefined) return { text: `\`${inherited}()\``, exists: true, methods };
      const lifecycle = componentTeardown(classNode, instanceType);
      if (lifecycle !== undefined) return { text: `\`${lifecycle}()\``, exists: false, methods };
      if (checkClassesWithoutTeardown) return { text: `\`${teardownMethods[0] ?? 'dispose'}()\``, exists: false, methods };
      return undefined;
    }

    function classInstanceType(classNode: ClassNode): ts.Type | undefined {
      const tsNode = services.esTreeNodeToTSNodeMap.get(classNode);
      const symbol = tsNode.name === undefined ? checker.getTypeAtLocation(tsNode).getSymbol() : checker.getSymbolAtLocation(tsNode.name);
      return symbol === undefined ? undefined : checker.getDeclaredTypeOfSymbol(symbol);
    }

    function hasMember(type: ts.Type, keyText: string): boolean {
      if (keyText === '[Symbol.dispose]' || keyText === '[Symbol.asyncDispose]') {
        const key = keyText === '[Symbol.dispose]' ? disposeKeys?.dispose : disposeKeys?.asyncDispose;
        return key !== undefined && type.getProperties().some((property) => property.escapedName === key);
      }
      const property = type.getProperty(keyText);
      return property !== undefined && (property.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.Property)) !== 0;
    }

    /** The teardown a component class is expected to have, when it is one (by base class or decorator). */
    function componentTeardown(classNode: ClassNode, instanceType: ts.Type | undefined): string | undefined {
      if (componentTypes.length === 0) return undefined;
      isComponentType ??= baseTypeMatcher(program, componentTypes);
      if (instanceType !== undefined && isComponentType(instanceType)) {
        for (const [name, teardown] of Object.entries(LIFECYCLE_TEARDOWNS)) {
          if (baseTypeMatcher(program, componentTypes.filter((specifier) => specifierHasName(specifier, name)))(instanceType)) return teardown;
        }
        return teardownMethods[0] ?? 'dispose';
      }
      for (const decorator of classNode.decorators) {
        const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
        if (expression.type !== AST_NODE_TYPES.Identifier) continue;
        if (valueMatchesSomeSpecifier(expression, componentTypes, program, services.getTypeAtLocation(expression))) return 'ngOnDestroy';
      }
      return undefined;
    }

    /**
     * `this.toDispose.push(editor.onDidChange(…))`: offered when the handle is discarded and the
     * class already keeps a collection that its teardown releases directly (`this.toDispose.dispose()`)
     * and that takes a value of the handle's type (`push`, `add` or `use`).
     */
    function keepHandleSuggestion(registration: Registration, owner: Owner, teardownText: string): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      if (owner.kind !== 'class' || registration.call.parent.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
      // In a method or constructor of the owner: in a field initializer the collection may not exist yet.
      const scope = getThisScope(registration.call);
      if (scope.kind !== 'instance' || scope.classNode !== owner.node || scope.method === undefined) return undefined;
      const teardown = teardownOf(owner);
      if (teardown === undefined || teardown.methods.length === 0) return undefined;
      const handleType = services.getTypeAtLocation(registration.call);
      for (const [key, writes] of fieldWrites(owner.node)) {
        if (key.startsWith('[')) continue;
        const made = writes.filter((write) => write.value !== undefined);
        if (made.length !== 1 || made[0]?.value?.type !== AST_NODE_TYPES.NewExpression) continue;
        if (!teardown.methods.some((method) => releasesPathDirectly(method, `this.${key}`))) continue;
        const fieldType = services.getTypeAtLocation(made[0].value);
        if (getHandleRelease(fieldType, checker, disposeKeys) === undefined) continue;
        const adder = ['push', 'add', 'use'].find((name) => acceptsValue(fieldType, name, handleType));
        if (adder === undefined) continue;
        const field = key;
        const call = registration.call;
        return {
          messageId: 'keepHandle',
          data: { handle: handleText(registration), field, teardown: teardownText },
          fix: (fixer): TSESLint.RuleFix[] => [fixer.insertTextBefore(call, `this.${field}.${adder}(`), fixer.insertTextAfter(call, ')')],
        };
      }
      return undefined;
    }

    function releasesPathDirectly(method: TSESTree.FunctionExpression, path: string): boolean {
      return method.body.body.some((statement) => {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
        let expression = skipOuterEsExpressions(statement.expression, { chains: true });
        if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipOuterEsExpressions(expression.argument, { chains: true });
        if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
        const callee = skipOuterEsExpressions(expression.callee, { chains: true });
        if (callee.type !== AST_NODE_TYPES.MemberExpression || accessPath(callee.object) !== path) return false;
        if (callee.computed) return isWellKnownDisposeSymbol(callee.property);
        const name = memberName(callee);
        return name === 'dispose' || name === 'unsubscribe';
      });
    }

    function acceptsValue(collection: ts.Type, method: string, value: ts.Type): boolean {
      const property = checker.getApparentType(collection).getProperty(method);
      if (property === undefined) return false;
      return checker.getTypeOfSymbol(property).getCallSignatures().some((signature) => {
        const [parameter] = signature.getParameters();
        if (parameter === undefined) return false;
        let parameterType = checker.getTypeOfSymbol(parameter);
        // `push(...items: T[])`: the element type.
        const declaration = parameter.valueDeclaration;
        if (declaration !== undefined && ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined) {
          parameterType = checker.getIndexTypeOfType(parameterType, ts.IndexKind.Number) ?? parameterType;
        }
        if (parameterType.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
        return checker.isTypeAssignableTo(value, parameterType);
      });
    }

    // ---- Texts -----------------------------------------------------------------------------

    function registrationText(registration: Registration): string {
      const on = registration.target === undefined ? '' : ` on ${code(registration.target)}`;
      switch (registration.kind) {
        case 'eventTarget':
        case 'emitter':
          return `\`${registration.event}\` listener${on}`;
        case 'interval':
          return '`setInterval` callback';
        case 'observer':
          return `\`${registration.event}\` callback`;
        case 'subscription':
        case 'event':
          return `\`${registration.event}\` callback${on}`;
      }
    }

    function releaseVerb(registration: Registration, form: 'past' | 'base'): string {
      const verb = (base: string, past: string): string => (form === 'base' ? base : past);
      switch (registration.kind) {
        case 'eventTarget':
        case 'emitter':
          return verb('removes it', 'removes it');
        case 'interval':
          return verb('clears it', 'clears it');
        case 'observer':
          return verb('disconnects the observer', 'disconnects the observer');
        default:
          return verb(`releases the ${handleText(registration)} it returns`, `releases the ${handleText(registration)} it returns`);
      }
    }

    function handleText(registration: Registration): string {
      switch (registration.handle) {
        case 'interval':
          return 'interval id';
        case 'function':
          return 'unsubscribe function';
        case undefined:
          return 'handle';
        default: {
          const name = services.getTypeAtLocation(registration.call).getSymbol()?.getName();
          return name === undefined || name.startsWith('__') ? `\`${registration.handle}()\` handle` : `\`${name}\``;
        }
      }
    }

    function ownerText(owner: Owner): string {
      if (owner.kind === 'class') {
        const name = className(owner.node);
        return name === undefined ? 'this anonymous class' : `\`${name}\``;
      }
      const key = functionKey(owner.node);
      if (key !== undefined) return `the closure of \`${propertyKeyText(key)}\``;
      const parent = owner.node.parent;
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.some((argument) => argument === owner.node)) {
        const path = calleePath(parent.callee);
        if (path !== undefined) return `the closure of the function passed to \`${path.join('.')}\``;
      }
      return 'the closure of this function';
    }

    function code(node: TSESTree.Node): string {
      return `\`${shortened(context.sourceCode.getText(node), 40)}\``;
    }

    // ---- Scopes ----------------------------------------------------------------------------

    function findVariable(node: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
      return ASTUtils.findVariable(context.sourceCode.getScope(node), node) ?? undefined;
    }
  },
});

function className(classNode: ClassNode): string | undefined {
  if (classNode.id !== null) return classNode.id.name;
  const parent = classNode.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return undefined;
}

function combine(verdicts: Ownership[]): Ownership {
  if (verdicts.length === 0) return 'unknown';
  const first = verdicts[0];
  return verdicts.every((verdict) => verdict === first) ? (first ?? 'unknown') : 'unknown';
}

function isModuleLevel(variable: TSESLint.Scope.Variable): boolean {
  return variable.scope.type === TSESLint.Scope.ScopeType.module || variable.scope.type === TSESLint.Scope.ScopeType.global;
}

function isNeverReassigned(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.every((reference) => reference.init === true || !reference.isWrite());
}

function specifierHasName(specifier: TypeOrValueSpecifier, name: string): boolean {
  if (typeof specifier === 'string') return specifier === name;
  return typeof specifier.name === 'string' ? specifier.name === name : specifier.name.includes(name);
}
