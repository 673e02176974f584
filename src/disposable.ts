import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';

import { isTypeReference } from './type-graph.js';

/**
 * Type queries about `Disposable` / `AsyncDisposable` (TC39 explicit resource management).
 *
 * The checker names a member keyed by a unique symbol `__@<description>@<id>`, so a prefix test
 * alone would also take a user's own `const dispose = Symbol()` for `Symbol.dispose`. Instead the
 * exact member keys are read once per program from the declared type of `Symbol.dispose` and
 * `Symbol.asyncDispose` (lib `esnext.disposable`, or a user's own declaration of them).
 */
export interface DisposeKeys {
  dispose: ts.__String | undefined;
  asyncDispose: ts.__String | undefined;
}

const keysPerProgram = new WeakMap<ts.Program, DisposeKeys | null>();

/** The member keys of `[Symbol.dispose]` / `[Symbol.asyncDispose]`, or null when the program has neither. */
export function getDisposeKeys(program: ts.Program): DisposeKeys | null {
  let keys = keysPerProgram.get(program);
  if (keys !== undefined) return keys;
  keys = null;
  const checker = program.getTypeChecker();
  const symbolGlobal = checker.resolveName('Symbol', undefined, ts.SymbolFlags.Value, false);
  if (symbolGlobal !== undefined) {
    const constructorType = checker.getTypeOfSymbol(symbolGlobal);
    const keyOf = (name: string): ts.__String | undefined => {
      const property = checker.getPropertyOfType(constructorType, name);
      if (property === undefined) return undefined;
      const type = checker.getTypeOfSymbol(property);
      return type.flags & ts.TypeFlags.UniqueESSymbol ? (type as ts.UniqueESSymbolType).escapedName : undefined;
    };
    const dispose = keyOf('dispose');
    const asyncDispose = keyOf('asyncDispose');
    if (dispose !== undefined || asyncDispose !== undefined) keys = { dispose, asyncDispose };
  }
  keysPerProgram.set(program, keys);
  return keys;
}

/**
 * `sync`: every part of the type has `[Symbol.dispose]` (a `using` declaration accepts it);
 * `async`: every part has `[Symbol.asyncDispose]` or `[Symbol.dispose]`, some only the former
 * (it needs `await using`); undefined: not disposable (or only some union members are).
 */
export type DisposalKind = 'sync' | 'async';

const kindPerType = new WeakMap<ts.Type, DisposalKind | null>();
const nullableKindPerType = new WeakMap<ts.Type, DisposalKind | null>();
const NULLISH = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;

/** Types that have no members at all: most calls return one (`void`, `Promise<void>` awaited), and no cache is asked for them. */
const MEMBERLESS = NULLISH | ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never;

export function getDisposalKind(type: ts.Type, checker: ts.TypeChecker, keys: DisposeKeys): DisposalKind | undefined {
  if (type.flags & MEMBERLESS) return undefined;
  const cached = kindPerType.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const kind = computeKind(type.isUnion() ? type.types : [type], checker, keys);
  kindPerType.set(type, kind);
  return kind ?? undefined;
}

/**
 * Like {@link getDisposalKind}, for a value that may also be `null` or `undefined` (which
 * `using` accepts): the kind of the other union members, every one of which must be
 * disposable. Undefined for a type that is only nullish.
 */
export function getNullableDisposalKind(type: ts.Type, checker: ts.TypeChecker, keys: DisposeKeys): DisposalKind | undefined {
  if (!type.isUnion()) return getDisposalKind(type, checker, keys);
  const cached = nullableKindPerType.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const parts = type.types.filter((part) => (part.flags & NULLISH) === 0);
  const kind = parts.length === 0 ? null : computeKind(parts, checker, keys);
  nullableKindPerType.set(type, kind);
  return kind ?? undefined;
}

const plainInterfacesPerChecker = new WeakMap<ts.TypeChecker, ReadonlySet<ts.Symbol>>();

/** The symbols of the global `Disposable` and `AsyncDisposable` interfaces (with a program's augmentations merged in). */
function plainDisposableInterfaces(checker: ts.TypeChecker): ReadonlySet<ts.Symbol> {
  let found = plainInterfacesPerChecker.get(checker);
  if (found === undefined) {
    const symbols = new Set<ts.Symbol>();
    for (const name of ['Disposable', 'AsyncDisposable']) {
      const symbol = checker.resolveName(name, undefined, ts.SymbolFlags.Interface, false);
      if (symbol !== undefined) symbols.add(symbol);
    }
    found = symbols;
    plainInterfacesPerChecker.set(checker, found);
  }
  return found;
}

/**
 * The type, leaving out `null` and `undefined`, is the global `Disposable` or `AsyncDisposable`
 * interface itself: an anonymous handle that promises a dispose and nothing else, such as the
 * one `addAbortListener(signal, listener)` returns to take its listener off early.
 */
export function isPlainDisposableInterface(type: ts.Type, checker: ts.TypeChecker): boolean {
  const plain = plainDisposableInterfaces(checker);
  const parts = (type.isUnion() ? type.types : [type]).filter((part) => (part.flags & NULLISH) === 0);
  return (
    parts.length > 0 &&
    parts.every((part) => {
      const symbol = part.aliasSymbol === undefined ? part.getSymbol() : undefined;
      return symbol !== undefined && plain.has(symbol);
    })
  );
}

/** Whether the type may be `null` or `undefined`. */
export function isNullable(type: ts.Type): boolean {
  return (type.isUnion() ? type.types : [type]).some((part) => (part.flags & NULLISH) !== 0);
}

function computeKind(parts: readonly ts.Type[], checker: ts.TypeChecker, keys: DisposeKeys): DisposalKind | null {
  let kind: DisposalKind | null = 'sync';
  for (const part of parts) {
    if (part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return null;
    const own = partKind(checker.getApparentType(part), checker, keys);
    if (own === null) return null;
    if (own === 'async') kind = 'async';
  }
  return kind;
}

/** What one object type's own members say: asked once per generic class or interface, not per instantiation. */
const kindPerPart = new WeakMap<ts.Type, DisposalKind | null>();

function partKind(apparent: ts.Type, checker: ts.TypeChecker, keys: DisposeKeys): DisposalKind | null {
  // The members an instantiation (`Foo<string>`) has are named as those of its generic class or
  // interface: a base type must have members known without the type arguments, and a member
  // name cannot depend on them. So the generic type answers for all its instantiations.
  const asked = genericTarget(apparent) ?? apparent;
  const cached = kindPerPart.get(asked);
  if (cached !== undefined) return cached;
  // Types whose members are all members of other types, which are asked instead: when none of
  // those is disposable, neither is this one, and the checker need not work out its members
  // (a `Readonly<…>` of a large object literal, from `Object.freeze`). Otherwise the members
  // decide, since a mapped type may drop some (a private member is no key).
  const sources = memberSources(asked);
  if (sources?.every((source) => partKind(checker.getApparentType(source), checker, keys) === null) === true) {
    kindPerPart.set(asked, null);
    return null;
  }
  // `getPropertyOfType` escapes a leading `__` of the name it is given, so symbol-keyed members
  // are looked up by their escaped name in the property list instead.
  let kind: DisposalKind | null = null;
  for (const property of checker.getPropertiesOfType(asked)) {
    if (property.escapedName === keys.dispose) {
      kind = 'sync';
      break;
    }
    if (property.escapedName === keys.asyncDispose) kind = 'async';
  }
  kindPerPart.set(asked, kind);
  return kind;
}

/**
 * Types that between them have every member `type` has, or undefined: the members of an
 * intersection, or the type a homomorphic mapped type alias maps (`Readonly<T>`, `Partial<T>`:
 * `{ [K in keyof T]…: … }` without an `as` clause has no key that `T` lacks).
 */
function memberSources(type: ts.Type): readonly ts.Type[] | undefined {
  if (type.isIntersection()) return type.types;
  if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped)) return undefined;
  const alias = type.aliasSymbol?.declarations?.[0];
  const argumentsOfAlias = type.aliasTypeArguments;
  if (alias === undefined || argumentsOfAlias === undefined || !ts.isTypeAliasDeclaration(alias) || !ts.isMappedTypeNode(alias.type)) return undefined;
  const mapped = alias.type;
  const constraint = mapped.typeParameter.constraint;
  if (mapped.nameType !== undefined || constraint === undefined || !ts.isTypeOperatorNode(constraint) || constraint.operator !== ts.SyntaxKind.KeyOfKeyword) return undefined;
  const mappedOver = constraint.type;
  if (!ts.isTypeReferenceNode(mappedOver) || !ts.isIdentifier(mappedOver.typeName) || mappedOver.typeArguments !== undefined) return undefined;
  const name = mappedOver.typeName.text;
  const index = alias.typeParameters?.findIndex((parameter) => parameter.name.text === name) ?? -1;
  const source = index < 0 ? undefined : argumentsOfAlias[index];
  return source !== undefined && source.flags & ts.TypeFlags.Object ? [source] : undefined;
}

/** The generic class or interface a type reference instantiates, when it is one. */
function genericTarget(type: ts.Type): ts.Type | undefined {
  if (!isTypeReference(type)) return undefined;
  const target: ts.Type = type.target;
  if (target === type || !((target as ts.ObjectType).objectFlags & ts.ObjectFlags.ClassOrInterface)) return undefined;
  return target;
}

const STACKS = new Set(['DisposableStack', 'AsyncDisposableStack']);

/**
 * `DisposableStack#move()` / `AsyncDisposableStack#move()` (the lib's or a polyfill's): it moves
 * everything the stack holds to a new stack, which it returns, and leaves the old one disposed.
 */
export function isStackMove(declaration: ts.SignatureDeclaration): boolean {
  const name = declaration.name;
  if (name === undefined || !ts.isIdentifier(name) || name.text !== 'move') return false;
  const owner = declaration.parent;
  return (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && owner.name !== undefined && STACKS.has(owner.name.text);
}

/**
 * Whether some part of the type (a union member, or the type itself) has `[Symbol.dispose]` or
 * `[Symbol.asyncDispose]`: a value that may be a resource. `getDisposalKind` asks the stricter
 * question of whether every part is one.
 */
export function mayBeDisposable(type: ts.Type, checker: ts.TypeChecker, keys: DisposeKeys): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => {
    if (part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return false;
    return getDisposalKind(part, checker, keys) !== undefined;
  });
}

/**
 * Method names that release what a value holds, shared by the rules that look for releases.
 * Each rule adds its own few on top, named where it does (`require-using` counts `return` and
 * `stop`; `prefer-using-over-finalizer` counts `unlink` and `unref`), and users can replace the
 * list through the rule's option.
 */
export const RELEASE_METHOD_NAMES: readonly string[] = [
  'dispose',
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
];

/** `Symbol.dispose` or `Symbol.asyncDispose` as written in a member key or computed access. */
export function isWellKnownDisposeSymbol(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'Symbol' &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    (node.property.name === 'dispose' || node.property.name === 'asyncDispose')
  );
}

const DISPOSE_TEXT = /Symbol\s*\.\s*(?:async)?[dD]ispose|Disposable/;
const mentionsDisposalPerFile = new WeakMap<ts.SourceFile, boolean>();
const mentionsDisposalPerProgram = new WeakMap<ts.Program, boolean>();

/**
 * Whether a file outside TypeScript's default lib mentions `Symbol.dispose`,
 * `Symbol.asyncDispose` or a `…Disposable…` name. When none does, the only disposable types in
 * the program are the lib's own: `Disposable`/`AsyncDisposable`, `DisposableStack`/
 * `AsyncDisposableStack` (which cannot be reached without naming them) and the built-in
 * iterators and generators. The answer is kept per source file, which the language service
 * reuses across program versions, so an editor re-checks only the file being edited.
 */
export function programMentionsDisposal(program: ts.Program): boolean {
  let answer = mentionsDisposalPerProgram.get(program);
  if (answer !== undefined) return answer;
  answer = program.getSourceFiles().some((file) => {
    let mentions = mentionsDisposalPerFile.get(file);
    if (mentions === undefined) {
      mentions = !program.isSourceFileDefaultLibrary(file) && DISPOSE_TEXT.test(file.text);
      mentionsDisposalPerFile.set(file, mentions);
    }
    return mentions;
  });
  mentionsDisposalPerProgram.set(program, answer);
  return answer;
}

/**
 * How a value handed back by a registration is released, when it is a handle at all:
 * `[Symbol.dispose]()` / `[Symbol.asyncDispose]()` (TC39 explicit resource management),
 * `dispose()` (the `IDisposable` of VS Code, Theia, Monaco and vscode-jsonrpc) or
 * `unsubscribe()` (RxJS's `Subscription`, the TC39 Observable proposal). Every member of a
 * union but `null`/`undefined` must have the same way out; `any` and `unknown` are no handle.
 */
export type HandleRelease = 'Symbol.dispose' | 'Symbol.asyncDispose' | 'dispose' | 'unsubscribe';

const HANDLE_METHODS: readonly HandleRelease[] = ['dispose', 'unsubscribe'];
const handleReleasePerType = new WeakMap<ts.Type, HandleRelease | null>();

export function getHandleRelease(type: ts.Type, checker: ts.TypeChecker, keys: DisposeKeys | null): HandleRelease | undefined {
  const cached = handleReleasePerType.get(type);
  if (cached !== undefined) return cached ?? undefined;
  let found: HandleRelease | null = null;
  const parts = (type.isUnion() ? type.types : [type]).filter(
    (part) => (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) === 0,
  );
  for (const part of parts) {
    const release = partRelease(part, checker, keys);
    if (release === undefined || (found !== null && found !== release)) {
      found = null;
      break;
    }
    found = release;
  }
  handleReleasePerType.set(type, found);
  return found ?? undefined;
}

function partRelease(type: ts.Type, checker: ts.TypeChecker, keys: DisposeKeys | null): HandleRelease | undefined {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined;
  const apparent = checker.getApparentType(type);
  const properties = checker.getPropertiesOfType(apparent);
  const callable = (property: ts.Symbol): boolean => checker.getTypeOfSymbol(property).getCallSignatures().length > 0;
  if (keys !== null) {
    for (const property of properties) {
      if (keys.dispose !== undefined && property.escapedName === keys.dispose && callable(property)) return 'Symbol.dispose';
      if (keys.asyncDispose !== undefined && property.escapedName === keys.asyncDispose && callable(property)) return 'Symbol.asyncDispose';
    }
  }
  for (const name of HANDLE_METHODS) {
    const property = properties.find((candidate) => candidate.name === name);
    if (property !== undefined && callable(property)) return name;
  }
  return undefined;
}
