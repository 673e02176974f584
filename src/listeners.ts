/**
 * Registrations of callbacks on objects that keep them: what they are, told apart by type.
 *
 * A registration hands a callback to something that holds it strongly until it is released:
 * - `eventTarget`: `target.addEventListener(type, listener, options)` on an `EventTarget`;
 *   released by `removeEventListener` with the same function, by aborting `options.signal`, or
 *   by `options.once` after the first event;
 * - `emitter`: `emitter.on / addListener / prependListener(event, listener)` on Node's
 *   `EventEmitter` (its subclasses included: streams, servers, `process`); released by `off` /
 *   `removeListener` with the same function or `removeAllListeners`. `once` is not one: it lets
 *   go after the first event;
 * - `subscription`: `source.subscribe(…)` whose result is a handle (`unsubscribe()`, `dispose()`,
 *   `[Symbol.dispose]()`) or an unsubscribe function (Redux, Svelte and nanostores stores);
 * - `event`: a call of a function-typed value or of a method on an instance that is given a
 *   callback and returns a handle: VS Code's `Event<T>` (`editor.onDidChange(listener)`), a
 *   connection's `onRequest(type, handler): Disposable`, RxJS's `scheduler.schedule(work)`;
 * - `interval`: the global `setInterval(callback, ms)`, released by `clearInterval(id)`;
 * - `observer`: `observer.observe(target)` on a `ResizeObserver`, `MutationObserver`,
 *   `IntersectionObserver` or `PerformanceObserver`, whose callback was given to its
 *   constructor; released by `disconnect()` (or `unobserve(target)`).
 * Names only pick the candidates cheaply; types decide (a `.on()` of some other class is not an
 * emitter registration). Option lists in typescript-eslint's specifier format name more types.
 */
import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { valueMatchesSomeSpecifier } from '@typescript-eslint/type-utils';
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';

import { memberName } from './ast/member-names.js';
import { skipOuterEsExpressions } from './ast/wrappers.js';
import { type DisposeKeys, getDisposeKeys, getHandleRelease, type HandleRelease } from './disposable.js';
import { type BaseTypeMatcher, baseTypeMatcher } from './type-specifiers.js';

export type RegistrationKind = 'eventTarget' | 'emitter' | 'subscription' | 'event' | 'interval' | 'observer';

/** How the value a registration hands back releases it. */
export type RegistrationHandle = HandleRelease | 'function' | 'interval';

export interface Registration {
  kind: RegistrationKind;
  call: TSESTree.CallExpression;
  /** What holds the callback: the receiver, or for an observer the observed node; undefined for the timer list and bare event functions. */
  target: TSESTree.Expression | undefined;
  /** The event for messages: the literal event name, the method (`subscribe`, `onDidChange`), `setInterval`, the observer class. */
  event: string;
  /** Arguments that may carry the callback (for an observer: none, its callback is in the constructor). */
  callbacks: TSESTree.Expression[];
  /** The listener whose identity a removal must repeat (event targets and emitters). */
  listener: TSESTree.Expression | undefined;
  /** The options argument of `addEventListener`. */
  options: TSESTree.Expression | undefined;
  /** The value handed back that releases the registration. */
  handle: RegistrationHandle | undefined;
  /** The observer the registration is made on. */
  observer: TSESTree.Expression | undefined;
  /** A collection for the handle was passed along (`event(listener, thisArgs, disposables)`). */
  handedOver: boolean;
}

/** The syntactic questions `registrationOf` asks its caller before it asks any type. */
export interface RegistrationFilter {
  /** The argument may be a callback that keeps the owner alive. */
  mayCapture: (argument: TSESTree.Expression) => boolean;
  /** What would keep the callback (the receiver, or the callee when there is none) may outlive the owner. */
  mayOutlive: (target: TSESTree.Expression) => boolean;
}

export interface ListenerApiOptions {
  eventTargetTypes: readonly TypeOrValueSpecifier[];
  emitterTypes: readonly TypeOrValueSpecifier[];
  handleFunctions: readonly TypeOrValueSpecifier[];
}

export const DEFAULT_EVENT_TARGET_TYPES: readonly TypeOrValueSpecifier[] = [
  { from: 'lib', name: 'EventTarget' },
  { from: 'package', package: '@types/node', name: 'EventTarget' },
];

export const DEFAULT_EMITTER_TYPES: readonly TypeOrValueSpecifier[] = [
  { from: 'package', package: '@types/node', name: 'EventEmitter' },
];

const OBSERVER_TYPES: readonly TypeOrValueSpecifier[] = [
  { from: 'lib', name: ['ResizeObserver', 'MutationObserver', 'IntersectionObserver', 'PerformanceObserver'] },
  { from: 'package', package: '@types/node', name: 'PerformanceObserver' },
];

/** Objects that live as long as the page or the process, whatever expression reaches them. */
const LONG_LIVED_TYPES: readonly TypeOrValueSpecifier[] = [
  { from: 'lib', name: ['Window', 'Document'] },
  { from: 'package', package: '@types/node', name: 'Process' },
];

export const EMITTER_METHODS: ReadonlySet<string> = new Set(['on', 'addListener', 'prependListener']);
/** Methods that take a listener back by identity. */
export const REMOVAL_METHODS: ReadonlySet<string> = new Set(['removeEventListener', 'off', 'removeListener']);

/**
 * Calls that are never registrations whatever they return, skipped before any type is asked
 * for: promise callbacks, array and collection methods, one-shot timers, `bind`/`call`/`apply`.
 */
const NEVER_REGISTRATIONS = new Set([
  // One-shot and removing emitter methods; `emit` calls the listeners, it keeps none.
  'once',
  'prependOnceListener',
  'off',
  'removeListener',
  'removeAllListeners',
  'removeEventListener',
  'emit',
  'then',
  'catch',
  'finally',
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'sort',
  'toSorted',
  'push',
  'unshift',
  'splice',
  'set',
  'get',
  'has',
  'delete',
  'call',
  'apply',
  'bind',
  'resolve',
  'reject',
  'from',
  'defer',
  'adopt',
  'use',
  'setTimeout',
  'setImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'requestIdleCallback',
  'nextTick',
  'run',
  'runInAngularZone',
  'runOutsideAngular',
]);

/**
 * Names a handle-returning registration is written with: `subscribe`, `onDidChange`-style
 * `Event<T>` members and methods, `emitter.event`, and names with `listen`, `register` or
 * `watch` in them. Other calls that return a disposable are left alone unless configured in
 * `handleFunctions` (a documented limit: they are mostly factories, renderers and schedulers).
 */
const HANDLE_REGISTRATION_NAME = /^(?:subscribe|event)$|^on[A-Z]|[Ll]isten|[Rr]egister|[Ww]atch/;

/** Every name `registrationOf` looks further at: the methods of event targets, emitters and observers, `setInterval`, and the handle-registration names. */
const CANDIDATE_NAME = /^(?:addEventListener|on|addListener|prependListener|observe|setInterval|subscribe|event)$|^on[A-Z]|[Ll]isten|[Rr]egister|[Ww]atch/;

/**
 * The names `registrationCandidate` takes, as they can be written in source text: as an
 * identifier (`setInterval(…)`, `onDidChange(…)`), after a dot (`.on(`, `?.observe(`, line
 * breaks between) or as a quoted key (`emitter['on'](…)`). `on` and `observe` are candidates
 * only as members, and a plain `event` only where a call can follow (`event(`, `event<T>(`,
 * `event!(`, `event?.(`, `(event)(`, `event as …`); the other names are found wherever they
 * stand, which is more than needed but never less. The one spelling not covered is a comment
 * inside the callee, between `emitter.` and `on`.
 */
const PREFILTER_WORDS: readonly string[] = ['subscribe', 'addEventListener', 'addListener', 'prependListener', 'setInterval', 'listen', 'Listen', 'register', 'Register', 'watch', 'Watch'];
const PREFILTER_SHAPES = /(?<![\w$])on[A-Z]|[.'"`]\s*(?:on|observe|event)(?![\w$])|(?<![\w$])event(?:\s*[(<)!?]|\s+(?:as|satisfies)(?![\w$]))/;

/**
 * The pre-filter's test on a text: the plain words first (`includes` is far cheaper than a
 * regular expression with lookbehinds, and `subscribe` alone decides most files that pass),
 * then the written shapes of the short names.
 */
function mentionsCandidateName(text: string, extraNames: readonly string[]): boolean {
  return PREFILTER_WORDS.some((word) => text.includes(word)) || PREFILTER_SHAPES.test(text) || extraNames.some((name) => text.includes(name));
}

/** Escapes in identifiers (`\u006fn`) and string keys (`'\x6fn'`, octal, a line continuation). */
const ESCAPES = /\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([0-7]{1,3})|(\r\n?|\n|\u2028|\u2029))/g;

/**
 * Cheap text pre-filter: false only when no call in the file can be a registration, because no
 * name `registrationCandidate` takes is written in it, also once escapes that could spell part
 * of a name are decoded (in the rare file that has them). `extraNames` are configured names.
 */
export function mayRegisterListeners(sourceText: string, extraNames: readonly string[]): boolean {
  if (mentionsCandidateName(sourceText, extraNames)) return true;
  if (!sourceText.includes('\\') || !hasNameEscape(sourceText)) return false;
  const decoded = sourceText.replace(ESCAPES, (escape: string, ...groups: (string | undefined)[]) => {
    const code = escapedCode(groups);
    return code === undefined ? escape : code === -1 ? '' : String.fromCodePoint(code);
  });
  return mentionsCandidateName(decoded, extraNames);
}

/**
 * Some escape stands for a character a name can hold: a letter, digit, `_` or `$`, anything
 * beyond ASCII, or a line continuation. The common escapes of control characters and
 * punctuation (`'\0'`, `'\x1b'`, `'\u00a0'` aside) leave the file to the first test.
 */
function hasNameEscape(text: string): boolean {
  for (const match of text.matchAll(ESCAPES)) {
    const code = escapedCode(match.slice(1));
    if (code === -1 || (code !== undefined && (code >= 0x80 || /[\w$]/.test(String.fromCharCode(code))))) return true;
  }
  return false;
}

/** The code point an `ESCAPES` match stands for, -1 for a line continuation, undefined when it is none. */
function escapedCode([braced, u4, x2, octal, lineEnd]: (string | undefined)[]): number | undefined {
  if (lineEnd !== undefined) return -1;
  const code = octal !== undefined ? Number.parseInt(octal, 8) : Number.parseInt(braced ?? u4 ?? x2 ?? '', 16);
  return Number.isNaN(code) || code > 0x10ffff ? undefined : code;
}

/** The names in a list of specifiers, for the pre-filter. */
export function specifierNames(specifiers: readonly TypeOrValueSpecifier[]): string[] {
  return specifiers.flatMap((specifier) => {
    if (typeof specifier === 'string') return [specifier];
    return typeof specifier.name === 'string' ? [specifier.name] : [...specifier.name];
  });
}

/** A call that may be a registration by its syntax alone, before any type or scope is asked. */
export interface RegistrationCandidate {
  /** The callee's name: `on`, `addEventListener`, `onDidChange`, a configured name (`#name` for a private method). */
  name: string;
  callee: TSESTree.Node;
  /** The object the method is called on; undefined for a plain function call. */
  receiver: TSESTree.Expression | undefined;
  args: TSESTree.Expression[];
}

/**
 * The call's callee name, when that name (and the call's shape) is one a registration is
 * made with: `addEventListener`, `on` / `addListener` / `prependListener` and `observe` on a
 * receiver, `setInterval`, a handle-registration name (`subscribe`, `onSomething`, `event`,
 * names with `listen`, `register` or `watch`), or a name in `configuredNames`. Undefined for
 * every other call, which the rule then leaves alone without asking anything.
 */
export function registrationCandidate(call: TSESTree.CallExpression, configuredNames: ReadonlySet<string>): RegistrationCandidate | undefined {
  if (call.arguments.length === 0) return undefined;
  // Called on every call of a file: the name first, read directly in the common shapes.
  const written = call.callee;
  const callee = written.type === AST_NODE_TYPES.MemberExpression || written.type === AST_NODE_TYPES.Identifier ? written : skipOuterEsExpressions(written, { chains: true });
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type !== AST_NODE_TYPES.MemberExpression
        ? undefined
        : !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
          ? callee.property.name
          : memberName(callee);
  if (name === undefined) return undefined;
  const configured = isConfiguredName(name, configuredNames);
  if (!configured && !CANDIDATE_NAME.test(name)) return undefined;
  if (NEVER_REGISTRATIONS.has(name)) return undefined;
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
  if (receiver?.type === AST_NODE_TYPES.Super) return undefined;
  // `on` and `observe` are registrations only as methods (the other names also as functions).
  if (receiver === undefined && !configured && (name === 'on' || name === 'observe')) return undefined;
  const args = call.arguments.filter((argument): argument is TSESTree.Expression => argument.type !== AST_NODE_TYPES.SpreadElement);
  if (args.length !== call.arguments.length) return undefined;
  return { name, callee, receiver, args };
}

/** `#name` is matched by a specifier named `name`, as typescript-eslint's value specifiers do. */
function isConfiguredName(name: string, configuredNames: ReadonlySet<string>): boolean {
  return configuredNames.size > 0 && (configuredNames.has(name) || (name.startsWith('#') && configuredNames.has(name.slice(1))));
}

/**
 * The type questions about registrations, for the file being linted. The answers about types are
 * cached per program (see `baseTypeMatcher`, `getHandleRelease`), so one of these per file is cheap;
 * its matchers are looked up on first use, since most files that pass the pre-filter never ask.
 */
export class ListenerApis {
  readonly checker: ts.TypeChecker;
  private readonly keys: DisposeKeys | null;
  private eventTargetMatcher: BaseTypeMatcher | undefined;
  private emitterMatcher: BaseTypeMatcher | undefined;
  private observerMatcher: BaseTypeMatcher | undefined;
  private longLivedMatcher: BaseTypeMatcher | undefined;
  /** The names in `handleFunctions`: only calls by one of these names can match one. */
  readonly configuredNames: ReadonlySet<string>;

  constructor(
    private readonly services: ParserServicesWithTypeInformation,
    private readonly options: ListenerApiOptions,
  ) {
    const program = services.program;
    this.checker = program.getTypeChecker();
    this.keys = getDisposeKeys(program);
    this.configuredNames = new Set(specifierNames(options.handleFunctions));
  }

  private isEventTargetType(type: ts.Type): boolean {
    this.eventTargetMatcher ??= baseTypeMatcher(this.services.program, this.options.eventTargetTypes);
    return this.eventTargetMatcher(type);
  }

  private isEmitterType(type: ts.Type): boolean {
    this.emitterMatcher ??= baseTypeMatcher(this.services.program, this.options.emitterTypes);
    return this.emitterMatcher(type);
  }

  private isObserverType(type: ts.Type): boolean {
    this.observerMatcher ??= baseTypeMatcher(this.services.program, OBSERVER_TYPES);
    return this.observerMatcher(type);
  }

  private isLongLivedType(type: ts.Type): boolean {
    this.longLivedMatcher ??= baseTypeMatcher(this.services.program, LONG_LIVED_TYPES);
    return this.longLivedMatcher(type);
  }

  /** A window, document or Node's `process`: alive as long as the page or the process. */
  isLongLived(node: TSESTree.Node): boolean {
    return this.isLongLivedType(this.services.getTypeAtLocation(node));
  }

  isObserver(node: TSESTree.Node): boolean {
    return this.isObserverType(this.services.getTypeAtLocation(node));
  }

  /**
   * The registration `call` makes, or undefined. The caller's `filter` is asked before any type
   * is: `mayCapture(argument)` whether an argument can carry a callback that keeps its owner
   * alive, and `mayOutlive(target)` whether what would hold the callback (the receiver, or the
   * callee of a bare event function) can outlive the owner. A call that fails either is no
   * registration worth reporting, and the type checker is never asked about it. `candidate` is
   * the call's `registrationCandidate`, when the caller has it already.
   */
  registrationOf(
    call: TSESTree.CallExpression,
    filter: RegistrationFilter,
    candidate = registrationCandidate(call, this.configuredNames),
  ): Registration | undefined {
    if (candidate === undefined) return undefined;
    const { name, callee, receiver, args } = candidate;
    const { mayCapture, mayOutlive } = filter;

    if (name === 'addEventListener' && receiver !== undefined) {
      const [type, listener, options] = args;
      if (listener === undefined || !mayCapture(listener) || !mayOutlive(receiver)) return undefined;
      if (!this.isEventTargetType(this.services.getTypeAtLocation(receiver))) return undefined;
      return this.make('eventTarget', call, receiver, eventName(type), [listener], { listener, options });
    }
    if (EMITTER_METHODS.has(name) && receiver !== undefined) {
      const [type, listener] = args;
      if (listener === undefined || !mayCapture(listener) || !mayOutlive(receiver)) return undefined;
      if (!this.isEmitterType(this.services.getTypeAtLocation(receiver))) return undefined;
      return this.make('emitter', call, receiver, eventName(type), [listener], { listener });
    }
    if (name === 'setInterval' && this.isGlobalSetInterval(callee)) {
      const [callback] = args;
      if (callback === undefined || !mayCapture(callback)) return undefined;
      return this.make('interval', call, undefined, 'setInterval', [callback], { handle: 'interval' });
    }
    if (name === 'addAbortListener' && this.isLibraryFunction(callee)) {
      // Node's `events.addAbortListener(signal, listener)`: a listener on the signal, taken off
      // by disposing the `Disposable` it returns.
      const [signal, listener] = args;
      if (signal === undefined || listener === undefined || !mayCapture(listener) || !mayOutlive(signal)) return undefined;
      const signature = this.checker.getResolvedSignature(this.services.esTreeNodeToTSNodeMap.get(call));
      const handle = signature === undefined ? undefined : getHandleRelease(this.checker.getReturnTypeOfSignature(signature), this.checker, this.keys);
      if (handle === undefined) return undefined;
      return this.make('event', call, signal, name, [listener], { handle });
    }
    if (name === 'observe' && receiver !== undefined) {
      if (!this.isObserver(receiver)) return undefined;
      const observerName = this.services.getTypeAtLocation(receiver).getSymbol()?.getName() ?? 'observer';
      return this.make('observer', call, args[0], observerName, [], { observer: receiver });
    }
    // Handle-returning registrations: the callback must be there before the types are asked.
    // Only `subscribe` and configured functions take an observer object (`{ next: … }`); for
    // the rest a callback inside an options object (a menu's `onHide`) is no registration.
    const configuredName = isConfiguredName(name, this.configuredNames);
    // Names only pick candidates, before any type is asked (the same words as the pre-filter).
    if (!configuredName && !HANDLE_REGISTRATION_NAME.test(name)) return undefined;
    const callbacks = args.filter(
      (argument) => (name === 'subscribe' || configuredName || skipOuterEsExpressions(argument).type !== AST_NODE_TYPES.ObjectExpression) && mayCapture(argument),
    );
    if (callbacks.length === 0 || !mayOutlive(receiver ?? call.callee)) return undefined;
    const tsCall = this.services.esTreeNodeToTSNodeMap.get(call);
    const signature = this.checker.getResolvedSignature(tsCall);
    if (signature === undefined) return undefined;
    const returnType = this.checker.getReturnTypeOfSignature(signature);
    if (returnsOwnArgument(signature, returnType) || this.returnsWhatItWasGiven(signature, returnType, receiver, args)) return undefined;
    const configured = configuredName && this.matchesHandleFunction(callee, receiver);
    let handle: RegistrationHandle | undefined = getHandleRelease(returnType, this.checker, this.keys);
    if (handle === undefined && (name === 'subscribe' || configured) && isUnsubscribeFunction(returnType)) handle = 'function';
    if (handle === undefined) return undefined;
    if (!configured && name !== 'subscribe') {
      // A free function that returns a disposable (`toDisposable(fn)`, `autorun(fn)`) makes
      // one out of its callback; a registration is made on something: a receiver, or a value
      // of a function type (`Event<T>`).
      if (!this.isEventLikeCallee(callee, receiver)) return undefined;
    }
    const handedOver = this.passesCollection(args, callbacks, signature);
    return this.make(name === 'subscribe' ? 'subscription' : 'event', call, receiver, name, callbacks, { handle, handedOver });
  }

  /**
   * A call that hands back its receiver (`emitter.once(…)` returning `this`, a fluent API) or an
   * argument (`removeAllListeners(socket)` returning the socket) returns nothing it made.
   */
  private returnsWhatItWasGiven(signature: ts.Signature, returnType: ts.Type, receiver: TSESTree.Expression | undefined, args: TSESTree.Expression[]): boolean {
    const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
    if (declaration?.type?.kind === ts.SyntaxKind.ThisType) return true;
    const given = receiver === undefined ? args : [receiver, ...args];
    return given.some((value) => this.services.getTypeAtLocation(value) === returnType);
  }

  private make(
    kind: RegistrationKind,
    call: TSESTree.CallExpression,
    target: TSESTree.Expression | undefined,
    event: string,
    callbacks: TSESTree.Expression[],
    extra: Partial<Pick<Registration, 'listener' | 'options' | 'handle' | 'observer' | 'handedOver'>>,
  ): Registration {
    return {
      kind,
      call,
      target,
      event,
      callbacks,
      listener: extra.listener,
      options: extra.options,
      handle: extra.handle,
      observer: extra.observer,
      handedOver: extra.handedOver ?? false,
    };
  }

  /** `setInterval`, `window.setInterval`, `globalThis.setInterval` of the lib or of @types/node, not a local of that name. */
  private isGlobalSetInterval(callee: TSESTree.Node): boolean {
    return this.isLibraryFunction(callee);
  }

  /** The callee (an import of it included) is declared only by the lib or by packages, not by the project. */
  private isLibraryFunction(callee: TSESTree.Node): boolean {
    let symbol = this.checker.getSymbolAtLocation(
      this.services.esTreeNodeToTSNodeMap.get(callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee),
    );
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declarations = symbol?.declarations ?? [];
    const program = this.services.program;
    return (
      declarations.length > 0 &&
      declarations.every((declaration) => {
        const file = declaration.getSourceFile();
        return program.isSourceFileDefaultLibrary(file) || program.isSourceFileFromExternalLibrary(file);
      })
    );
  }

  /**
   * The callee is a value of a function type (a property, accessor, variable or parameter:
   * `Event<T>`, wherever it lives), or a method called on an instance. Not a declared free
   * function, and not a static method or namespace function (`Disposable.create(fn)`,
   * `Event.once(event)`): those make something out of the callback.
   */
  private isEventLikeCallee(callee: TSESTree.Node, receiver: TSESTree.Expression | undefined): boolean {
    const nameNode = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    const symbol = this.symbolOf(nameNode);
    if (symbol === undefined) return false;
    if (symbol.flags & (ts.SymbolFlags.Property | ts.SymbolFlags.Accessor | ts.SymbolFlags.Variable)) return true;
    if ((symbol.flags & ts.SymbolFlags.Method) === 0 || receiver === undefined) return false;
    const owner = this.symbolOf(skipOuterEsExpressions(receiver, { chains: true }));
    if (owner === undefined) return true;
    if (owner.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Enum)) return false;
    return !(owner.flags & ts.SymbolFlags.Module && !(owner.flags & ts.SymbolFlags.Variable));
  }

  private symbolOf(node: TSESTree.Node): ts.Symbol | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.PrivateIdentifier) {
      return undefined;
    }
    let tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    if (ts.isPropertyAccessExpression(tsNode)) tsNode = tsNode.name;
    const symbol = this.checker.getSymbolAtLocation(tsNode);
    return symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  private matchesHandleFunction(callee: TSESTree.Node, receiver: TSESTree.Expression | undefined): boolean {
    const nameNode = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    const type = this.services.getTypeAtLocation(receiver ?? callee);
    return valueMatchesSomeSpecifier(nameNode, [...this.options.handleFunctions], this.services.program, type);
  }

  /**
   * `event(listener, thisArgs, disposables)`: an argument after the callback goes to a parameter
   * that takes a collection (something with `push` or `add`), so the handle is kept there.
   */
  private passesCollection(args: TSESTree.Expression[], callbacks: TSESTree.Expression[], signature: ts.Signature): boolean {
    const first = callbacks[0];
    if (first === undefined) return false;
    const start = args.indexOf(first) + 1;
    for (let index = start; index < args.length; index += 1) {
      const parameter = signature.parameters[index];
      if (parameter === undefined) break;
      const type = this.checker.getNonNullableType(this.checker.getTypeOfSymbol(parameter));
      if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) continue;
      const apparent = this.checker.getApparentType(type);
      if (apparent.getProperty('push') !== undefined || apparent.getProperty('add') !== undefined) return true;
    }
    return false;
  }
}

/** `'resize'` → resize; anything not a literal is named by what it is. */
function eventName(node: TSESTree.Expression | undefined): string {
  if (node === undefined) return 'event';
  const value = skipOuterEsExpressions(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? 'event';
  return 'event';
}

/** A function type that can be called without arguments: what `store.subscribe(fn)` hands back to unsubscribe. */
function isUnsubscribeFunction(type: ts.Type): boolean {
  const signatures = type.getCallSignatures();
  return signatures.some((signature) =>
    signature.getParameters().every((parameter) => {
      const declaration = parameter.valueDeclaration;
      return declaration !== undefined && ts.isParameter(declaration) && (declaration.questionToken !== undefined || declaration.initializer !== undefined || declaration.dotDotDotToken !== undefined);
    }),
  );
}

/** `add<T>(value: T): T`: a generic that hands back its own argument adds, it does not register. */
function returnsOwnArgument(signature: ts.Signature, returnType: ts.Type): boolean {
  const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
  if (declaration?.type === undefined || !ts.isTypeReferenceNode(declaration.type) || !ts.isIdentifier(declaration.type.typeName)) {
    return (returnType.flags & ts.TypeFlags.TypeParameter) !== 0;
  }
  const name = declaration.type.typeName.text;
  if (declaration.typeParameters?.some((parameter) => parameter.name.text === name) !== true) return false;
  return declaration.parameters.some(
    (parameter) =>
      parameter.type !== undefined && ts.isTypeReferenceNode(parameter.type) && ts.isIdentifier(parameter.type.typeName) && parameter.type.typeName.text === name,
  );
}
