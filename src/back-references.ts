import ts from 'typescript';

import { type PropertyKey, propertyKeyText, tsPropertyKey, tsSymbolPropertyKey } from './ast/member-names.js';
import { skipOuterTsExpressions } from './ast/wrappers.js';
import { cannotHoldObjects, edgeText, type HeldEdge, type Relation, symbolDisplayName, type TypeGraph, typeGraphFor } from './type-graph.js';
import { REWRITE_REFUSALS, type RewriteRefusal } from './weak-parent-refusals.js';
import { typeCheckPragma } from './ts-check-pragma.js';
import { renderWeakParentMembers, strictnessOf, type WeakParentField, type WeakParentStorage, weakParentStoreName } from './weak-parent-rewrite.js';

/**
 * Strong back references: which properties are the upward half of a strong pair (a child's
 * `parent` while the parent holds the child), and whether the `WeakRef` rewrite may be offered
 * for each, or why not.
 *
 * This is the analysis of the `no-strong-parent-reference` rule, kept apart from ESLint so that
 * the `weak-parent` codemod can rewrite exactly the fields the rule reports and refuse the others
 * for the same reasons. It works on a TypeScript program alone:
 *
 * ```ts
 * for (const reference of findBackReferences(program, sourceFile, { backReferenceNames: ['parent'] })) {
 *   if (reference.rewrite.offered) applyEdit(reference.rewrite.start, reference.rewrite.end, reference.rewrite.text);
 *   else console.log(`${reference.owner}.${reference.property}: ${reference.rewrite.reason}`);
 * }
 * ```
 *
 * Answers are memoized per program, option set and source file; the type queries behind them
 * per type (src/type-graph.ts).
 */

export const DEFAULT_BACK_REFERENCE_NAMES: readonly string[] = ['parent', 'parentNode', 'owner', 'ownerDocument', 'container', 'host'];

export const DEFAULT_MAX_DEPTH = 4;

/**
 * Words that name a collection of work in flight (`pickQueue`, `pendingRequests`,
 * `activeCalls`) or of registrations (`observers`, `#dataWatchers`): it lists its elements only
 * while they run or are subscribed, and they need the holder to work, so their reference to it is
 * a dependency, not a back pointer a WeakRef could replace. An observer is owned by whoever
 * subscribed it, not by the subject that notifies it.
 */
export const DEFAULT_IN_FLIGHT_NAMES: readonly string[] = [
  'queue',
  'pending',
  'inFlight',
  'waiting',
  'active',
  'observers',
  'subscribers',
  'watchers',
  'listeners',
];

export interface BackReferenceOptions {
  /** Names that mark the upward edge where types cannot (1:1 pairs, trees of one kind); default `DEFAULT_BACK_REFERENCE_NAMES`. */
  backReferenceNames?: readonly string[];
  /** Type names never treated as a parent, and whose own properties are not reported. */
  ignore?: readonly string[];
  /** Words that make a collection work in flight, which is no downward half; default `DEFAULT_IN_FLIGHT_NAMES`. */
  inFlightNames?: readonly string[];
  /** Collection layers looked through (`Map<string, C[]>` is two); default `DEFAULT_MAX_DEPTH`. */
  maxDepth?: number;
  /** Where the rewrite keeps the `WeakRef` (it decides the store's name); default `'private'`. */
  storage?: WeakParentStorage;
}

/** A property declaration that can be the upward half of a strong pair. */
export type BackReferenceDeclaration =
  /** A class field, `accessor` field included. */
  | ts.PropertyDeclaration
  /** A constructor parameter property. */
  | ts.ParameterDeclaration
  /** A member of an interface or of an object type alias. */
  | ts.PropertySignature
  /** In JavaScript, the first `this.x = …` of a member the class body does not declare. */
  | ts.BinaryExpression;

/** A reported property: the upward half of a strong pair, and what the rewrite can do with it. */
export interface BackReference {
  declaration: BackReferenceDeclaration;
  /** The property's name node: where a report points. */
  name: ts.Node;
  /** The property as written: `parent`, `#parent`, `[kParentNode]`. */
  property: string;
  /** The class, interface or type alias that declares the property. */
  owner: string;
  /**
   * `parent`: the target holds the owner in a collection (or holds a tree of owners), so the
   * property points up a tree. `peer`: both halves are single references, and the property's
   * name marks it as the back reference.
   */
  kind: 'parent' | 'peer';
  /** The other half: `holder.property` (declared on `holder`, a type `target` is or may be) holds `held`. */
  downward: { target: string; holder: string; property: string; held: string };
  rewrite: Rewrite;
}

/**
 * The WeakRef rewrite of a reported property: the edit that replaces the field (the text of the
 * `weak-parent` codemod, from src/weak-parent-rewrite.ts) and the field's description, or why
 * it is not offered.
 */
export type Rewrite =
  | { offered: true; field: WeakParentField; start: number; end: number; text: string }
  | { offered: false; refusal: RewriteRefusal; reason: string };

const RELATION_RANK: Record<Relation, number> = { same: 0, subtype: 1, supertype: 2 };

/**
 * Calls that enumerate or copy an object's own properties, by object and method (`structuredClone`
 * alone). After the rewrite the back reference is an accessor on the prototype, which they no
 * longer see.
 */
export const OWN_PROPERTY_ENUMERATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Object', new Set(['keys', 'values', 'entries', 'assign', 'getOwnPropertyNames', 'getOwnPropertyDescriptors', 'hasOwn'])],
  ['Reflect', new Set(['ownKeys'])],
  ['JSON', new Set(['stringify'])],
]);

/** Methods that ask whether a named property is an object's own. */
const OWN_PROPERTY_QUERIES = new Set(['hasOwnProperty', 'hasOwn', 'getOwnPropertyDescriptor', 'propertyIsEnumerable']);

/**
 * The reported properties of `sourceFile`: every property of a class, interface or object type
 * alias there that is the upward half of a strong pair, in source order, with the rewrite or the
 * reason it is refused. `sourceFile` must belong to `program`.
 */
export function findBackReferences(program: ts.Program, sourceFile: ts.SourceFile, options: BackReferenceOptions = {}): readonly BackReference[] {
  return analysisFor(program, options).file(sourceFile);
}

const analyses = new WeakMap<ts.Program, Map<string, BackReferenceAnalysis>>();

function analysisFor(program: ts.Program, options: BackReferenceOptions): BackReferenceAnalysis {
  const settings: Required<BackReferenceOptions> = {
    backReferenceNames: options.backReferenceNames ?? DEFAULT_BACK_REFERENCE_NAMES,
    ignore: options.ignore ?? [],
    inFlightNames: options.inFlightNames ?? DEFAULT_IN_FLIGHT_NAMES,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    storage: options.storage ?? 'private',
  };
  const key = JSON.stringify(settings);
  let byOptions = analyses.get(program);
  if (byOptions === undefined) {
    byOptions = new Map();
    analyses.set(program, byOptions);
  }
  let analysis = byOptions.get(key);
  if (analysis === undefined) {
    analysis = new BackReferenceAnalysis(program, settings);
    byOptions.set(key, analysis);
  }
  return analysis;
}

/** A property that can be the upward half of a strong pair, before its types are asked about. */
interface Candidate {
  declaration: BackReferenceDeclaration;
  name: ts.PropertyName | ts.MemberName;
  key: PropertyKey;
  owner: ts.ClassLikeDeclaration | ts.InterfaceDeclaration | ts.TypeLiteralNode;
  ownerName: string;
  annotation: ts.TypeNode | undefined;
  /** Where the name starts, for source order. */
  start: number;
}

/** What the file's code does with property names, for the rewrite's safety checks. */
interface FileUsage {
  deleted: Set<string>;
  /** Names compared with strings, tested with `in` or asked about as own properties. */
  byName: Set<string>;
}

class BackReferenceAnalysis {
  private readonly checker: ts.TypeChecker;
  private readonly graph: TypeGraph;
  private readonly names: ReadonlySet<string>;
  private readonly ignored: ReadonlySet<string>;
  private readonly inFlightWords: readonly (readonly string[])[];
  private readonly inFlightCache = new WeakMap<ts.Symbol, boolean>();
  /** By name too: every instantiation of a generic type has property symbols of its own, with the same names. */
  private readonly inFlightNameCache = new Map<string, boolean>();
  private readonly files = new WeakMap<ts.SourceFile, readonly BackReference[]>();
  private readonly holderCache = new WeakMap<ts.Type, readonly ts.Type[]>();
  private readonly namedHolderCache = new WeakMap<ts.Type, readonly ts.Type[]>();
  private readonly enumeratingClasses = new WeakMap<ts.ClassLikeDeclaration, boolean>();
  private readonly owners = new WeakMap<Candidate['owner'], ts.Symbol | null>();
  /** The candidates of files other than the one being linted, asked for their base classes' declarations. */
  private readonly candidatesOfFile = new WeakMap<ts.SourceFile, readonly Candidate[]>();
  /** Per declaration: the edge is reported there or at a base class's declaration it redeclares (`null` while being worked out). */
  private readonly covered = new WeakMap<ts.Node, boolean | null>();
  private readonly checked = new WeakMap<ts.Node, Omit<BackReference, 'rewrite'> | null>();

  constructor(
    private readonly program: ts.Program,
    private readonly settings: Required<BackReferenceOptions>,
  ) {
    this.checker = program.getTypeChecker();
    this.graph = typeGraphFor(program, settings.maxDepth);
    this.names = new Set(settings.backReferenceNames);
    this.ignored = new Set(settings.ignore);
    this.inFlightWords = settings.inFlightNames.map(nameWords).filter((words) => words.length > 0);
  }

  file(sourceFile: ts.SourceFile): readonly BackReference[] {
    let found = this.files.get(sourceFile);
    if (found === undefined) {
      found = this.analyseFile(sourceFile);
      this.files.set(sourceFile, found);
    }
    return found;
  }

  private analyseFile(sourceFile: ts.SourceFile): BackReference[] {
    const found: BackReference[] = [];
    // The walk over the whole file is made only when a rewrite gets as far as asking.
    let usage: FileUsage | undefined;
    const usageOfFile = (): FileUsage => (usage ??= fileUsage(sourceFile));
    for (const candidate of this.candidates(sourceFile)) {
      const reported = this.checkOnce(candidate);
      if (reported === undefined) continue;
      // A tree's parent owns its children by holding them all; a 1:1 pair has only a name to say
      // which way ownership runs, too little to rewrite one side into a reference that may throw.
      const rewrite: Rewrite =
        reported.kind === 'peer'
          ? { offered: false, refusal: 'peer', reason: REWRITE_REFUSALS.peer }
          : this.planRewrite(candidate, sourceFile, usageOfFile);
      found.push({ ...reported, rewrite });
    }
    return found;
  }

  private candidates(sourceFile: ts.SourceFile): readonly Candidate[] {
    let found = this.candidatesOfFile.get(sourceFile);
    if (found === undefined) {
      found = collectCandidates(sourceFile);
      this.candidatesOfFile.set(sourceFile, found);
    }
    return found;
  }

  private checkOnce(candidate: Candidate): Omit<BackReference, 'rewrite'> | undefined {
    const known = this.checked.get(candidate.declaration);
    if (known !== undefined) return known ?? undefined;
    const reported = this.check(candidate);
    this.checked.set(candidate.declaration, reported ?? null);
    return reported;
  }

  /**
   * A class's property that redeclares one of a base class of the project (`constructor(protected
   * scheduler: AsapScheduler)` below `AsyncAction`'s `scheduler`, `parent: Group` below
   * `Transformable`'s `parent`) stores into the same slot: when the base's declaration is
   * reported, or is itself such a redeclaration, the edge has its report there.
   */
  private redeclaresReported(candidate: Candidate, owner: ts.Symbol, property: ts.Symbol): boolean {
    if (!ts.isClassLike(candidate.owner)) return false;
    const declared = this.checker.getDeclaredTypeOfSymbol(owner);
    if (!declared.isClassOrInterface()) return false;
    for (const base of this.checker.getBaseTypes(declared)) {
      const inherited = this.checker.getPropertiesOfType(base).find((member) => member.escapedName === property.escapedName);
      for (const declaration of inherited?.declarations ?? []) {
        if (declaration !== candidate.declaration && this.isCovered(declaration)) return true;
      }
    }
    return false;
  }

  private isCovered(declaration: ts.Declaration): boolean {
    const known = this.covered.get(declaration);
    if (known !== undefined) return known === true;
    const sourceFile = declaration.getSourceFile();
    // A declaration file is linted only with `checkDeclarationFiles`, which the analysis does not know.
    if (sourceFile.isDeclarationFile || !this.graph.isProjectFile(sourceFile)) return false;
    const candidate = this.candidates(sourceFile).find((found) => found.declaration === declaration);
    // A `declare` field stores nothing: the subclass's field that does is where a fix goes.
    if (candidate === undefined || isDeclareField(candidate.declaration)) return false;
    // Inheritance has no cycles in a program that compiles; the guard keeps one that does not from recursing.
    this.covered.set(declaration, null);
    const owner = this.ownerSymbol(candidate);
    const property = this.checker.getSymbolAtLocation(candidate.name);
    const result =
      owner !== undefined && property !== undefined && (this.redeclaresReported(candidate, owner, property) || this.checkOnce(candidate) !== undefined);
    this.covered.set(declaration, result);
    return result;
  }

  /** The symbol of the candidate's class, interface or type literal, asked once for all its properties. */
  private ownerSymbol(candidate: Candidate): ts.Symbol | undefined {
    if (this.owners.has(candidate.owner)) return this.owners.get(candidate.owner) ?? undefined;
    const owner = this.checker.getTypeAtLocation(candidate.owner).getSymbol();
    this.owners.set(candidate.owner, owner ?? null);
    return owner;
  }

  private check(candidate: Candidate): Omit<BackReference, 'rewrite'> | undefined {
    const found = this.judge(candidate);
    if (found === undefined) return undefined;
    // Asked last: only a property that would be reported pays for a look at its base classes.
    const owner = this.ownerSymbol(candidate);
    const symbol = this.checker.getSymbolAtLocation(candidate.name);
    if (owner !== undefined && symbol !== undefined && this.redeclaresReported(candidate, owner, symbol)) return undefined;
    return found;
  }

  private judge(candidate: Candidate): Omit<BackReference, 'rewrite'> | undefined {
    const { checker, graph, ignored } = this;
    if (ignored.has(candidate.ownerName)) return undefined;
    const writtenNames = writtenTypeNames(candidate.annotation);
    if (writtenNames.some((name) => ignored.has(name))) return undefined;
    const owner = this.ownerSymbol(candidate);
    if (owner === undefined) return undefined;
    // `declare parent: Group` in a subclass narrows the type of an inherited property; the
    // storage, and the report, belong to the base class's declaration.
    if (isDeclareField(candidate.declaration) && this.redeclaresInherited(candidate, owner)) return undefined;
    const symbol = checker.getSymbolAtLocation(candidate.name);
    if (symbol === undefined) return undefined;
    const ownDeclarations = new Set<ts.Node>(symbol.declarations ?? []);
    ownDeclarations.add(candidate.declaration);
    // An interface that a class of the project implements describes that class's storage: the
    // class's own declaration is judged, once, and a fix there satisfies the interface too.
    if (ts.isInterfaceDeclaration(candidate.owner) && this.isStoredByImplementer(owner, symbol)) return undefined;
    const declared = checker.getTypeOfSymbol(symbol);
    if (declared.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;

    // Null and undefined give no target anyway; only a type that may stand for something else
    // (a type parameter, an intersection) is worth the checker's work of removing them.
    const targets = graph.objectTargets(mayHideNullish(declared) ? checker.getNonNullableType(declared) : declared);
    const named = hasBackReferenceName(candidate.key, this.names);
    // Without a name, a property that can point at the owner's own kind is inside a tree of one
    // kind (see isHomogeneous), where no edge counts: nothing below needs the holders' properties.
    if (!named && targets.some((target) => typeRelatedTo(graph, target, owner))) return undefined;
    const ownerIsClass = ts.isClassLike(candidate.owner);
    const isOwn = (edge: HeldEdge): boolean =>
      [edge.property, ...edge.path].some((property) => property.declarations?.some((declaration) => ownDeclarations.has(declaration)) === true);
    // The strongest evidence wins the message: the owner's own type before a subtype before a
    // base type, and a direct property before one inside a plain data object.
    let parent: { reference: Omit<BackReference, 'rewrite'>; rank: number } | undefined;
    let single: { reference: Omit<BackReference, 'rewrite'>; rank: number } | undefined;
    for (const target of targets) {
      // The collection half (`children: Child[]`) and weak references are the other side of the pair.
      if (graph.isWeakContainer(target) || graph.collectionElements(target) !== undefined) continue;
      // A library type that takes no type arguments (`HTMLElement`, `Socket`) can hold a
      // project's class only as one of its own base types, and that counts only with a name.
      if (!named && graph.isClosedLibraryType(target)) continue;
      // So is a collection class of the project's (`childNodes: NodeList<Node>`), unless the name
      // says the iterable object is a parent (a tree node that iterates over its children).
      if (!named && graph.iterableElements(target) !== undefined) continue;
      if (ignored.size > 0 && typeNames(checker, graph, target).some((name) => ignored.has(name))) continue;
      const plainTarget = !named && isPlainDataType(graph, target);
      let targetName: string | undefined;
      const nameOfTarget = (): string => (targetName ??= displayName(checker, target, writtenNames));
      for (const holder of this.holdersOf(target, named)) {
        if (ignored.size > 0 && holder !== target && typeNames(checker, graph, holder).some((name) => ignored.has(name))) continue;
        for (const [held, edges] of graph.heldBy(holder)) {
          const relation = graph.relation(held, owner);
          if (relation === undefined) continue;
          // A plain data object (an object literal type, an interface no class implements) that
          // the owner points at is the owner's own data where it holds other things of the
          // owner's kind (an event target's listener options hold abort signals, which are event
          // targets); it is a parent where it holds the owner's own type (a map entry holding
          // its wrappers), or where the name says so.
          if (plainTarget && relation !== 'same') continue;
          // Plain data that also points at the owner's kind through a single field is the owner's
          // own record (`node.lifetime.node === node`): what its collections hold are others of
          // the kind (the nodes a build has read), not the owner's siblings under a parent.
          if (plainTarget && hasSingleEdgeTo(graph, holder, owner, isOwn)) continue;
          // In a tree of one kind of node (the property can point at the owner's kind, or at the
          // kind the collection holds), types cannot tell up from down or sideways:
          // `Object3D.parent` and `ArrowHelper.cone` both point at an Object3D that holds Object3D
          // children. There only a back-reference name marks the upward edge.
          if (!named && isHomogeneous(graph, targets, holder, held, owner)) continue;
          // A list of a base type of the owner (`HTMLElement[]`, `Disposable[]`, `Path[]`) says
          // that the holder may hold the owner, not that it does. Without a name to say so, it
          // counts only where the holder is a class of the project and the base type is the
          // project's own: a helper's list of library types, or a plain data object's list of
          // the owner's base type (a compound path's sub-paths), is not the owner's parent.
          if (relation === 'supertype' && !named && !this.isStrongBaseEvidence(holder, held)) continue;
          // Nor does it where other kinds of element lack the property: in a tree whose collection
          // holds a base type, every kind of element can point up. A property that only one of
          // several subtypes declares (a blend filter's second image, in an image's list of
          // filters) is that subtype's own input.
          if (relation === 'supertype' && !named && !this.everyKindHas(held, symbol)) continue;
          // A collection of a base class of the owner (`bones: Object3D[]`) is weaker evidence
          // than a single reference from the target to the owner's family (`handModel:
          // Object3D`): that makes the two a 1:1 pair, which only a name can orient.
          const discountBase = relation === 'supertype' && hasSingleEdgeTo(graph, holder, owner, isOwn);
          for (const edge of edges) {
            if (isOwn(edge)) continue;
            if (edge.viaCollection && this.isInFlight(edge)) continue;
            if (discountBase && edge.viaCollection) continue;
            // A single reference to a base type of the owner (`parentNode: Node` seen from an
            // `Attr`) does not hold the owner any more than it holds any other node, and neither
            // does a list of a base type inside a plain data object (a priority queue's entries
            // holding pickers, seen from a picker).
            if (relation === 'supertype' && (!edge.viaCollection || edge.path.length > 0)) continue;
            // Plain data kept in another object's state (listener options in an event target's
            // map) is that object's data; what it points at (the options' `signal`) is not its
            // parent. Inside a holder's plain data only class instances count as children.
            if (edge.path.length > 0 && !ownerIsClass) continue;
            const rank = RELATION_RANK[relation] * 2 + (edge.path.length > 0 ? 1 : 0);
            const best = edge.viaCollection ? parent : single;
            if (best !== undefined && best.rank <= rank) continue;
            const reference: Omit<BackReference, 'rewrite'> = {
              declaration: candidate.declaration,
              name: candidate.name,
              property: propertyKeyText(candidate.key),
              owner: candidate.ownerName,
              kind: edge.viaCollection ? 'parent' : 'peer',
              downward: {
                target: nameOfTarget(),
                holder: edge.declaringTypeName.startsWith('(anonymous type') ? nameOfTarget() : edge.declaringTypeName,
                property: edgeText(edge),
                held: symbolDisplayName(held),
              },
            };
            if (edge.viaCollection) parent = { reference, rank };
            else single = { reference, rank };
          }
        }
      }
    }
    if (parent !== undefined) {
      // Collections both ways (a document lists its transactions, a transaction lists the
      // documents it touched) make a graph of peers, not a tree under one owner: keeping one
      // element keeps the others through its own collection, whichever edge were weak. Only a
      // name says which way is up there.
      if (!named && this.holdsCollectionOf(owner, targets)) return undefined;
      return parent.reference;
    }
    // 1:1: with no collection, nothing says which side owns the other but the name, and only
    // instances of a class are known to store what they point at. An options interface's
    // `parentEditor` names the editor the new one goes under, not the one that keeps the
    // options. A `declare` field has no storage in its class: its value is put there from outside
    // (a window injected through a per-window subclass's prototype, a handle passed in), and a
    // name alone does not say that it points at an owner rather than a peer.
    return named && ownerIsClass && !isDeclareField(candidate.declaration) ? single?.reference : undefined;
  }

  /** The owner's own type holds, in a collection that is not work in flight, one of the targets' kinds. */
  private holdsCollectionOf(owner: ts.Symbol, targets: readonly ts.Type[]): boolean {
    const { graph } = this;
    const kinds = targets.map((target) => target.getSymbol()).filter((symbol) => symbol !== undefined);
    for (const [held, edges] of graph.heldBy(this.checker.getDeclaredTypeOfSymbol(owner))) {
      const relation = kinds.map((kind) => graph.relation(held, kind)).find((found) => found === 'same' || found === 'subtype');
      if (relation !== undefined && edges.some((edge) => edge.viaCollection && !this.isInFlight(edge))) return true;
    }
    return false;
  }

  /** The collection of the edge (or the field of plain data that leads to it) is named as work in flight. */
  private isInFlight(edge: HeldEdge): boolean {
    if (this.inFlightWords.length === 0) return false;
    return [edge.property, ...edge.path].some((property) => {
      let inFlight = this.inFlightCache.get(property);
      if (inFlight === undefined) {
        const key = tsSymbolPropertyKey(property);
        const name = key.kind === 'symbol' ? key.name.slice(key.name.lastIndexOf('.') + 1) : key.name;
        inFlight = this.inFlightNameCache.get(name);
        if (inFlight === undefined) {
          const words = nameWords(name);
          inFlight = this.inFlightWords.some((wanted) => containsRun(words, wanted));
          this.inFlightNameCache.set(name, inFlight);
        }
        this.inFlightCache.set(property, inFlight);
      }
      return inFlight;
    });
  }

  /**
   * The types whose instances a property typed `target` can point at and that may hold the
   * owner: the target itself, the project's subclasses of a target class (a `Group` is the
   * `Node` that holds the children), and the one class of the project that implements a target
   * interface, when there is exactly one.
   */
  private holdersOf(target: ts.Type, named: boolean): readonly ts.Type[] {
    const cache = named ? this.namedHolderCache : this.holderCache;
    let holders = cache.get(target);
    if (holders !== undefined) return holders;
    const found: ts.Type[] = [target];
    const symbol = target.isIntersection() ? undefined : target.getSymbol();
    if (symbol !== undefined) {
      const implementers = this.graph.implementersOf(symbol);
      // A base class with many subclasses (an event emitter, a disposable) would make every
      // property typed with it a parent as soon as one subclass holds a list, so subclasses
      // count only where the name already says up.
      const subtypes = [...(named ? this.graph.subclassesOf(symbol) : []), ...(implementers.length === 1 ? implementers : [])];
      for (const subtype of subtypes) {
        found.push(this.checker.getDeclaredTypeOfSymbol(subtype));
      }
    }
    holders = found;
    cache.set(target, holders);
    return holders;
  }

  /** Some class of the project that implements the interface `owner` declares `property` itself or inherits it from a class. */
  private isStoredByImplementer(owner: ts.Symbol, property: ts.Symbol): boolean {
    return this.graph.implementersOf(owner).some((implementer) =>
      this.checker
        .getPropertiesOfType(this.checker.getDeclaredTypeOfSymbol(implementer))
        .some(
          (member) =>
            member.escapedName === property.escapedName &&
            member.declarations?.some(isClassMember) === true,
        ),
    );
  }

  private redeclaresInherited(candidate: Candidate, owner: ts.Symbol): boolean {
    const declared = this.checker.getDeclaredTypeOfSymbol(owner);
    if (!declared.isClassOrInterface()) return false;
    const name = ts.getNameOfDeclaration(candidate.declaration);
    const symbol = name === undefined ? undefined : this.checker.getSymbolAtLocation(name);
    if (symbol === undefined) return false;
    return this.checker.getBaseTypes(declared).some((base) => hasPropertyKeyed(this.checker, base, symbol));
  }

  /** `base`, or else each of the project's classes that extend or implement it, has a property with the key of `property`. */
  private everyKindHas(base: ts.Symbol, property: ts.Symbol): boolean {
    const has = (symbol: ts.Symbol): boolean => hasPropertyKeyed(this.checker, this.checker.getDeclaredTypeOfSymbol(symbol), property);
    if (has(base)) return true;
    const kinds = [...this.graph.subclassesOf(base), ...this.graph.implementersOf(base)];
    return kinds.length > 0 && kinds.every(has);
  }

  private isStrongBaseEvidence(holder: ts.Type, held: ts.Symbol): boolean {
    const holderSymbol = holder.isIntersection() ? undefined : holder.getSymbol();
    if (holderSymbol === undefined || !(holderSymbol.flags & ts.SymbolFlags.Class)) return false;
    // Every declaration: a global interface the project augments (`Disposable`, `HTMLElement`) is still the library's.
    return [holderSymbol, held].every((symbol) => {
      const declarations = symbol.declarations ?? [];
      return declarations.length > 0 && declarations.every((declaration) => this.graph.isProjectFile(declaration.getSourceFile()));
    });
  }

  private planRewrite(candidate: Candidate, sourceFile: ts.SourceFile, usageOfFile: () => FileUsage): Rewrite {
    const refuse = (refusal: RewriteRefusal, detail?: string): Rewrite => ({
      offered: false,
      refusal,
      reason: detail === undefined ? REWRITE_REFUSALS[refusal] : `${REWRITE_REFUSALS[refusal]} (${detail})`,
    });
    const { declaration: field } = candidate;
    if (ts.isPropertySignature(field)) return refuse('type-member');
    if (ts.isParameter(field)) return refuse('parameter-property');
    if (ts.isBinaryExpression(field)) return refuse('assigned-in-method');
    const classNode = field.parent;
    if (sourceFile.isDeclarationFile) return refuse('declaration-file');
    if (isAmbient(classNode)) return refuse('ambient');
    if (hasModifier(field, ts.SyntaxKind.AccessorKeyword)) return refuse('accessor');
    if (!ts.isIdentifier(field.name)) return refuse('non-identifier-key');
    if (hasModifier(field, ts.SyntaxKind.DeclareKeyword)) return refuse('declare');
    if (ts.getDecorators(field) !== undefined) return refuse('decorated');
    if (hasModifier(field, ts.SyntaxKind.OverrideKeyword)) return refuse('override');
    const readonly = hasModifier(field, ts.SyntaxKind.ReadonlyKeyword);
    if (readonly && field.initializer === undefined) return refuse('readonly-without-initializer');
    const fieldName = field.name.text;
    const isJs = isJsFile(sourceFile);

    let nullable: boolean;
    let undefinable = field.questionToken !== undefined;
    let targetType: string | undefined;
    let jsdoc: WeakParentField['jsdoc'];
    const options = this.program.getCompilerOptions();
    const checks = strictnessOf(options);
    if (isJs) {
      // `// @ts-check` / `// @ts-nocheck`, read as the codemod reads them, or the project's `checkJs`.
      const checked = typeCheckPragma(sourceFile.text) ?? options.checkJs === true;
      // A JSDoc `@type` stays above the getter and types it; the store gets its WeakRef type.
      const jsdocType = ts.getJSDocType(field);
      if (jsdocType !== undefined) {
        const members = ts.isUnionTypeNode(jsdocType) ? jsdocType.types : [jsdocType];
        if (members.some((member) => member.kind >= ts.SyntaxKind.FirstJSDocNode && member.kind <= ts.SyntaxKind.LastJSDocNode)) {
          return refuse('jsdoc-type');
        }
        nullable = members.some(isNullTypeNode);
        undefinable ||= members.some((member) => member.kind === ts.SyntaxKind.UndefinedKeyword);
        const rest = members.filter((member) => !isNullTypeNode(member) && member.kind !== ts.SyntaxKind.UndefinedKeyword);
        if (rest.length === 0) return refuse('untyped');
        targetType = rest.map((member) => member.getText(sourceFile)).join(' | ');
        jsdoc = 'store';
        if (checked && checks.strictPropertyInitialization && field.initializer === undefined && !undefinable) return refuse('store-unassigned');
      } else {
        if (leadingComments(sourceFile, field).some((comment) => comment.includes('@type'))) return refuse('jsdoc-type');
        // Without an initializer to type it, the untyped store is implicitly `any` (TS7008).
        if (checked && field.initializer === undefined && checks.noImplicitAny) return refuse('untyped');
        const type = this.checker.getTypeAtLocation(field);
        nullable = typeAdmits(type, ts.TypeFlags.Null);
        undefinable ||= typeAdmits(type, ts.TypeFlags.Undefined);
      }
    } else {
      const annotation = field.type;
      if (annotation === undefined) return refuse('untyped');
      const members = ts.isUnionTypeNode(annotation) ? annotation.types : [annotation];
      nullable = members.some(isNullTypeNode);
      undefinable ||= members.some((member) => member.kind === ts.SyntaxKind.UndefinedKeyword);
      const rest = members.filter((member) => !isNullTypeNode(member) && member.kind !== ts.SyntaxKind.UndefinedKeyword);
      if (rest.length === 0) return refuse('untyped');
      targetType = rest.map((member) => member.getText(sourceFile)).join(' | ');
    }

    const store = weakParentStoreName(fieldName, this.settings.storage);
    const clash = classNode.members.find((member) => {
      if (member === field || member.name === undefined) return false;
      const key = tsPropertyKey(member.name);
      const text = key === undefined ? undefined : propertyKeyText(key);
      return text === store || text === fieldName;
    });
    if (clash !== undefined) return refuse('name-clash', `line ${String(lineOf(sourceFile, clash))}`);

    const owner = this.ownerSymbol(candidate);
    const instance = this.checker.getTypeAtLocation(classNode);
    const baseTypes = instance.isClassOrInterface() ? this.checker.getBaseTypes(instance) : [];
    if (baseTypes.some((base) => base.getProperty(fieldName) !== undefined)) return refuse('override');
    const fieldSymbol = this.checker.getSymbolAtLocation(field.name);
    for (const subclass of owner === undefined ? [] : this.graph.subclassesOf(owner)) {
      const redeclared = this.checker.getDeclaredTypeOfSymbol(subclass).getProperty(fieldName);
      // Through a generic base the subclass may get a copy of the field's symbol (whether it does
      // depends on what the checker has resolved before); a copy keeps the field's declaration.
      if (redeclared !== undefined && redeclared !== fieldSymbol && !(redeclared.declarations ?? []).includes(field)) {
        return refuse('overridden-in-subclass', symbolDisplayName(subclass));
      }
    }

    // WeakRef only takes objects: a type parameter that may stand for a primitive cannot be stored.
    const held = this.checker.getNonNullableType(this.checker.getTypeAtLocation(field));
    if (!onlyObjects(held)) return refuse('may-be-primitive');
    if (held.isUnion()) return refuse('several-kinds', `\`${this.checker.typeToString(held)}\``);
    const usage = usageOfFile();
    if (usage.deleted.has(fieldName)) return refuse('deleted');
    if (usage.byName.has(fieldName)) return refuse('reflection', `the file names '${fieldName}' as a string`);
    if (this.enumeratesItself(classNode)) return refuse('reflection', 'the class enumerates or copies `this`');

    const accessibility = accessibilityOf(field);
    const description: WeakParentField = {
      className: candidate.ownerName,
      fieldName,
      nullable,
      undefinable,
      readonly,
      storage: this.settings.storage,
      typescript: !isJs,
      ...(jsdoc === undefined ? {} : { jsdoc }),
      // Without strictNullChecks `ref == null` does not narrow the store; the getter casts it.
      ...((!isJs || jsdoc !== undefined) && !checks.strictNullChecks ? { emptyCast: true } : {}),
      ...(targetType === undefined ? {} : { targetType }),
      ...(accessibility === undefined ? {} : { accessibility }),
      ...(field.initializer === undefined ? {} : { initializer: field.initializer.getText(sourceFile) }),
    };
    const start = field.getStart(sourceFile);
    const lineStart = sourceFile.text.lastIndexOf('\n', start - 1) + 1;
    const indent = /^[ \t]*/.exec(sourceFile.text.slice(lineStart, start))?.[0] ?? '';
    const eol = sourceFile.text.includes('\r\n') ? '\r\n' : '\n';
    return { offered: true, field: description, start, end: field.getEnd(), text: renderWeakParentMembers(description, indent, eol) };
  }

  /** The class's own code enumerates or copies `this` (`Object.keys(this)`, `{ ...this }`, `for (k in this)`). */
  private enumeratesItself(classNode: ts.ClassLikeDeclaration): boolean {
    let found = this.enumeratingClasses.get(classNode);
    if (found === undefined) {
      found = false;
      const visit = (node: ts.Node): void => {
        if (found === true) return;
        if (isEnumerationOfThis(node)) {
          found = true;
          return;
        }
        // Functions and classes inside bind their own `this`; arrow functions do not.
        if ((ts.isFunctionLike(node) && !ts.isArrowFunction(node)) || ts.isClassLike(node)) return;
        ts.forEachChild(node, visit);
      };
      for (const member of classNode.members) {
        if (hasModifier(member, ts.SyntaxKind.StaticKeyword) || ts.isClassStaticBlockDeclaration(member)) continue;
        if (ts.isPropertyDeclaration(member)) {
          if (member.initializer !== undefined) visit(member.initializer);
        } else if (ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isAccessor(member)) {
          member.parameters.forEach(visit);
          if (member.body !== undefined) visit(member.body);
        }
      }
      this.enumeratingClasses.set(classNode, found);
    }
    return found;
  }
}

/**
 * `parent`, `parentNode`, `_parentage`, `#owner`, `$parent`, `[kParentNode]`,
 * `[PropertySymbol.parentNode]`: the name, without leading `_`, `#` or `$` (and for a symbol
 * key, its last part without Node's `k` prefix), starts with one of the back-reference names.
 */
export function hasBackReferenceName(key: PropertyKey, backReferenceNames: ReadonlySet<string>): boolean {
  let name = key.name;
  if (key.kind === 'symbol') {
    name = name.slice(name.lastIndexOf('.') + 1);
    if (/^k[A-Z]/.test(name)) name = `${name.charAt(1).toLowerCase()}${name.slice(2)}`;
  }
  const bare = name.replace(/^[_#$]+/, '');
  if (backReferenceNames.has(name) || backReferenceNames.has(bare)) return true;
  for (const candidate of backReferenceNames) {
    if (bare.startsWith(candidate)) return true;
  }
  return false;
}

/** `#pickQueue` → ['pick', 'queue'], `in_flight_calls` → ['in', 'flight', 'calls'], `kPending` → ['k', 'pending']. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start++) {
    if (run.every((word, index) => words[start + index] === word)) return true;
  }
  return false;
}

const DECLARATION_KEYWORDS = /\bclass\b|\b(?:interface|type)(?=\s|\/[/*])/g;

/** The keyword `this`, not part of a longer name or a member name. */
const THIS_KEYWORD = /(?<![\p{ID_Continue}$\\.])this(?![\p{ID_Continue}$\\])/gu;
/** One run of spaces or line breaks, or one comment (an unclosed one runs to the end). */
const TRIVIA = /\s+|\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n\r\u2028\u2029]*/y;
const MEMBER_NAME = /(?:[\p{ID_Continue}$\u200c\u200d]|\\u(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4}))+/uy;
const ASSIGNMENT_OPERATOR = /(?:\*\*|>>>|>>|<<|&&|\|\||\?\?|[-+*/%&|^])?=(?!=)/y;

function skipTrivia(text: string, at: number): number {
  for (;;) {
    TRIVIA.lastIndex = at;
    if (!TRIVIA.test(text) || TRIVIA.lastIndex === at) return at;
    at = TRIVIA.lastIndex;
  }
}

/**
 * Where the text of an assignment to a member of `this` starts (`this.x = …`, `this . x ||= …`,
 * comments between the tokens): every such assignment, and some text in strings and comments
 * too, so that a subtree without one holds none. A scan token by token, linear in the text.
 */
function thisMemberWrites(text: string): number[] {
  const positions: number[] = [];
  for (const match of text.matchAll(THIS_KEYWORD)) {
    let at = skipTrivia(text, match.index + 'this'.length);
    if (text[at] !== '.') continue;
    MEMBER_NAME.lastIndex = skipTrivia(text, at + 1);
    if (!MEMBER_NAME.test(text)) continue;
    at = skipTrivia(text, MEMBER_NAME.lastIndex);
    ASSIGNMENT_OPERATOR.lastIndex = at;
    if (ASSIGNMENT_OPERATOR.test(text)) positions.push(match.index);
  }
  return positions;
}

/** Where the matches of a global regular expression start in `text`, in ascending order. */
function textPositions(text: string, pattern: RegExp): number[] {
  const positions: number[] = [];
  for (const match of text.matchAll(pattern)) positions.push(match.index);
  return positions;
}

/** Some position of the sorted list lies inside the node's text (its leading trivia included). */
function overlaps(positions: readonly number[], node: ts.Node): boolean {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((positions[middle] ?? 0) < node.pos) low = middle + 1;
    else high = middle;
  }
  return low < positions.length && (positions[low] ?? Infinity) < node.end;
}

/** Every property of the file that could be reported, in source order. */
function collectCandidates(sourceFile: ts.SourceFile): Candidate[] {
  const candidates: Candidate[] = [];
  // Subtrees without the word `class`, or `interface` or `type` followed by a space or a
  // comment (as in a declaration, unlike `type: 'a'` or `node.type`), in their text hold no
  // declaration that could be reported (a function body, an expression), and are not walked.
  const keywords = textPositions(sourceFile.text, DECLARATION_KEYWORDS);
  const mayDeclare = (node: ts.Node): boolean => overlaps(keywords, node);
  const isJs = isJsFile(sourceFile);
  // In JavaScript, members are also declared by `this.x = …`: only subtrees whose text holds one
  // are walked for them.
  const writesThis = isJs ? thisMemberWrites(sourceFile.text) : [];
  const mayWriteThis = (node: ts.Node): boolean => overlaps(writesThis, node);
  const add = (
    declaration: BackReferenceDeclaration,
    name: ts.PropertyName | ts.MemberName,
    owner: Candidate['owner'],
    ownerName: string,
    annotation: ts.TypeNode | undefined,
  ): void => {
    const key = tsPropertyKey(name);
    if (key === undefined || cannotHoldObjects(annotation)) return;
    candidates.push({ declaration, name, key, owner, ownerName, annotation, start: name.getStart(sourceFile) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node)) {
      const ownerName = classDisplayName(node);
      for (const member of node.members) {
        if (hasModifier(member, ts.SyntaxKind.StaticKeyword)) continue;
        if (ts.isPropertyDeclaration(member)) {
          add(member, member.name, node, ownerName, member.type);
        } else if (ts.isConstructorDeclaration(member)) {
          for (const parameter of member.parameters) {
            if (ts.isParameterPropertyDeclaration(parameter, member) && ts.isIdentifier(parameter.name)) {
              add(parameter, parameter.name, node, ownerName, parameter.type);
            }
          }
        }
      }
      if (isJs) {
        for (const assignment of undeclaredThisMembers(node, mayWriteThis)) {
          const access = assignment.left as ts.PropertyAccessExpression;
          add(assignment, access.name, node, ownerName, undefined);
        }
      }
    } else if (ts.isInterfaceDeclaration(node)) {
      for (const member of node.members) {
        if (ts.isPropertySignature(member)) add(member, member.name, node, node.name.text, member.type);
      }
    } else if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) {
      for (const member of node.type.members) {
        if (ts.isPropertySignature(member)) add(member, member.name, node.type, node.name.text, member.type);
      }
    }
    if (mayDeclare(node)) ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  candidates.sort((a, b) => a.start - b.start);
  return candidates;
}

/**
 * The first `this.x = …` of each member name that a JavaScript class's body does not declare,
 * written where `this` is the instance: in the constructor, a method or an accessor (and in
 * arrow functions inside them).
 */
function undeclaredThisMembers(classNode: ts.ClassLikeDeclaration, mayWriteThis: (node: ts.Node) => boolean): ts.BinaryExpression[] {
  const declared = new Set<string>();
  for (const member of classNode.members) {
    const key = member.name === undefined ? undefined : tsPropertyKey(member.name);
    if (key?.kind === 'name') declared.add(key.name);
  }
  const seen = new Set<string>();
  const found: ts.BinaryExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      ts.isIdentifier(node.left.name)
    ) {
      const name = node.left.name.text;
      if (!declared.has(name) && !seen.has(name)) {
        seen.add(name);
        found.push(node);
      }
    }
    if ((ts.isFunctionLike(node) && !ts.isArrowFunction(node)) || ts.isClassLike(node) || !mayWriteThis(node)) return;
    ts.forEachChild(node, visit);
  };
  for (const member of classNode.members) {
    if (hasModifier(member, ts.SyntaxKind.StaticKeyword)) continue;
    if (
      (ts.isConstructorDeclaration(member) || ts.isMethodDeclaration(member) || ts.isAccessor(member)) &&
      member.body !== undefined &&
      mayWriteThis(member.body)
    ) {
      ts.forEachChild(member.body, visit);
    }
  }
  return found;
}

/** Names the file deletes, and names it compares with strings or asks about as own properties. */
function fileUsage(sourceFile: ts.SourceFile): FileUsage {
  const usage: FileUsage = { deleted: new Set(), byName: new Set() };
  const addString = (node: ts.Node): void => {
    const expression = ts.isExpression(node) ? skipOuterTsExpressions(node) : node;
    if (ts.isStringLiteralLike(expression)) usage.byName.add(expression.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isDeleteExpression(node)) {
      const target = skipOuterTsExpressions(node.expression);
      if (ts.isPropertyAccessExpression(target)) usage.deleted.add(target.name.text);
      else if (ts.isElementAccessExpression(target)) addDeletedKey(usage, target.argumentExpression);
    } else if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (
        operator === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        operator === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        operator === ts.SyntaxKind.EqualsEqualsToken ||
        operator === ts.SyntaxKind.ExclamationEqualsToken
      ) {
        addString(node.left);
        addString(node.right);
      } else if (operator === ts.SyntaxKind.InKeyword) {
        addString(node.left);
      }
    } else if (ts.isCallExpression(node)) {
      const callee = skipOuterTsExpressions(node.expression);
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
      if (method !== undefined && OWN_PROPERTY_QUERIES.has(method)) node.arguments.forEach(addString);
    } else if (ts.isCaseClause(node)) {
      addString(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return usage;
}

function addDeletedKey(usage: FileUsage, key: ts.Expression): void {
  const expression = skipOuterTsExpressions(key);
  if (ts.isStringLiteralLike(expression)) usage.deleted.add(expression.text);
}

function isEnumerationOfThis(node: ts.Node): boolean {
  const isThis = (expression: ts.Expression | undefined): boolean =>
    expression !== undefined && skipOuterTsExpressions(expression).kind === ts.SyntaxKind.ThisKeyword;
  if (ts.isSpreadElement(node) || ts.isSpreadAssignment(node)) return isThis(node.expression);
  if (ts.isForInStatement(node)) return isThis(node.expression);
  if (!ts.isCallExpression(node) || !node.arguments.some(isThis)) return false;
  const callee = skipOuterTsExpressions(node.expression);
  if (ts.isIdentifier(callee)) return callee.text === 'structuredClone';
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    return OWN_PROPERTY_ENUMERATORS.get(callee.expression.text)?.has(callee.name.text) === true;
  }
  return false;
}

/**
 * In a tree of one kind of node, types cannot tell up from down or sideways: `Object3D.parent`
 * and `ArrowHelper.cone` both point at an Object3D that holds Object3D children, and an AST
 * node's `left: Statement` points at nodes that hold Statements. The tree is of one kind when the
 * property can point at the owner's kind or at the kind the holder holds, or when the holder
 * holds its own kind.
 */
function isHomogeneous(graph: TypeGraph, targets: readonly ts.Type[], holder: ts.Type, held: ts.Symbol, owner: ts.Symbol): boolean {
  if (targets.some((other) => typeRelatedTo(graph, other, held) || typeRelatedTo(graph, other, owner))) return true;
  for (const [symbol, edges] of graph.heldBy(holder)) {
    if (edges.some((edge) => edge.viaCollection && edge.path.length === 0) && typeRelatedTo(graph, holder, symbol)) return true;
  }
  return false;
}

/** The holder holds something of the owner's family through a single (non-collection) property. */
function hasSingleEdgeTo(graph: TypeGraph, holder: ts.Type, owner: ts.Symbol, isOwn: (edge: HeldEdge) => boolean): boolean {
  for (const [symbol, edges] of graph.heldBy(holder)) {
    if (!graph.related(symbol, owner)) continue;
    if (edges.some((edge) => !edge.viaCollection && !isOwn(edge))) return true;
  }
  return false;
}

function typeRelatedTo(graph: TypeGraph, type: ts.Type, symbol: ts.Symbol): boolean {
  const parts = type.isIntersection() ? type.types : [type];
  return parts.some((part) => {
    const own = part.getSymbol();
    return own !== undefined && graph.related(own, symbol);
  });
}

/** Names a type can be listed under in `ignore`: its own, its alias, its bases', its intersection members'. */
function typeNames(checker: ts.TypeChecker, graph: TypeGraph, type: ts.Type): string[] {
  // The name as written in code can differ from the declaration's (postcss declares `Container_`
  // and exports it as `Container`), so the printed name counts too.
  const names: string[] = [printedName(checker, type)];
  const parts = type.isIntersection() ? [type, ...type.types] : [type];
  for (const part of parts) {
    const symbol = part.getSymbol();
    if (symbol !== undefined) {
      names.push(symbol.getName(), symbolDisplayName(symbol));
      // A listed class covers its subclasses (ignoring `AsyncScheduler` covers `AsapScheduler`).
      for (const base of graph.basesOf(symbol)) names.push(base.getName(), symbolDisplayName(base));
    }
    const aliasName = part.aliasSymbol?.getName();
    if (aliasName !== undefined) names.push(aliasName);
  }
  return names;
}

function displayName(checker: ts.TypeChecker, type: ts.Type, writtenNames: readonly string[]): string {
  if (type.aliasSymbol !== undefined) return type.aliasSymbol.getName();
  const symbol = type.getSymbol();
  if (symbol !== undefined && !type.isIntersection()) {
    const name = symbolDisplayName(symbol);
    // An object literal type without a name of its own is shown as written.
    if (!name.startsWith('(anonymous type')) return name;
  }
  // An instantiated generic alias loses its name in the checker; the annotation still has it.
  const [written] = writtenNames;
  if (writtenNames.length === 1 && written !== undefined) return written;
  return checker.typeToString(type);
}

/** `TreeNode<T>` → `TreeNode`, as the type is written where it is used. */
function printedName(checker: ts.TypeChecker, type: ts.Type): string {
  const text = checker.typeToString(type);
  const angle = text.indexOf('<');
  return angle === -1 ? text : text.slice(0, angle);
}

/** `Parent | null`, `A & B`, `ns.Parent<T>`: the referenced type names at the top of an annotation. */
function writtenTypeNames(annotation: ts.TypeNode | undefined): string[] {
  if (annotation === undefined) return [];
  if (ts.isUnionTypeNode(annotation) || ts.isIntersectionTypeNode(annotation)) return annotation.types.flatMap(writtenTypeNames);
  if (ts.isTypeReferenceNode(annotation)) {
    return [ts.isIdentifier(annotation.typeName) ? annotation.typeName.text : annotation.typeName.right.text];
  }
  if (annotation.kind === ts.SyntaxKind.ThisType) return ['this'];
  return [];
}

/** A class's name; `const Foo = class { … }` names its class `Foo`. */
function classDisplayName(node: ts.ClassLikeDeclaration): string {
  if (node.name !== undefined) return node.name.text;
  if (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) return node.parent.name.text;
  return '(anonymous class)';
}

/** A field, accessor or method of a class, a constructor's parameter property, or a `this.x = …` of a JavaScript class. */
function isClassMember(declaration: ts.Declaration): boolean {
  const parent = declaration.parent as ts.Node | undefined;
  if (parent === undefined) return false;
  if (ts.isClassLike(parent)) return true;
  if (ts.isParameter(declaration)) return ts.isParameterPropertyDeclaration(declaration, parent);
  return (ts.isBinaryExpression(declaration) || ts.isPropertyAccessExpression(declaration)) && ts.findAncestor(declaration, ts.isClassLike) !== undefined;
}

function isDeclareField(declaration: BackReferenceDeclaration): boolean {
  return ts.isPropertyDeclaration(declaration) && hasModifier(declaration, ts.SyntaxKind.DeclareKeyword);
}

function isPlainDataType(graph: TypeGraph, type: ts.Type): boolean {
  const symbol = type.isIntersection() ? undefined : type.getSymbol();
  return symbol !== undefined && graph.isPlainData(symbol);
}

function isJsFile(sourceFile: ts.SourceFile): boolean {
  return /\.(?:c|m)?jsx?$/.test(sourceFile.fileName);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

function accessibilityOf(node: ts.Node): 'public' | 'protected' | 'private' | undefined {
  if (hasModifier(node, ts.SyntaxKind.PublicKeyword)) return 'public';
  if (hasModifier(node, ts.SyntaxKind.ProtectedKeyword)) return 'protected';
  if (hasModifier(node, ts.SyntaxKind.PrivateKeyword)) return 'private';
  return undefined;
}

/** A `declare class`, or a class inside a `declare module` / `declare namespace`. */
function isAmbient(node: ts.Node): boolean {
  return (
    ts.findAncestor(node, (current) => (ts.isClassLike(current) || ts.isModuleDeclaration(current)) && hasModifier(current, ts.SyntaxKind.DeclareKeyword)) !==
    undefined
  );
}

function isNullTypeNode(node: ts.TypeNode): boolean {
  return ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword;
}

function leadingComments(sourceFile: ts.SourceFile, node: ts.Node): string[] {
  const ranges = ts.getLeadingCommentRanges(sourceFile.text, node.getFullStart()) ?? [];
  return ranges.map((range) => sourceFile.text.slice(range.pos, range.end));
}

function lineOf(sourceFile: ts.SourceFile, node: ts.Node): number {
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

function onlyObjects(type: ts.Type, guard = 0): boolean {
  if (guard > 8) return false;
  if (type.isUnion()) return type.types.every((member) => onlyObjects(member, guard + 1));
  if (type.isIntersection()) return type.types.some((member) => onlyObjects(member, guard + 1));
  if (type.flags & ts.TypeFlags.TypeParameter) {
    const constraint = type.getConstraint();
    return constraint !== undefined && onlyObjects(constraint, guard + 1);
  }
  return (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.NonPrimitive)) !== 0;
}

/**
 * The type has a property (declared or inherited) with the key of `property`. Compared by escaped
 * name, since `getPropertyOfType` would escape a symbol key's `__@…` name once more.
 */
function hasPropertyKeyed(checker: ts.TypeChecker, type: ts.Type, property: ts.Symbol): boolean {
  return checker.getPropertiesOfType(type).some((candidate) => candidate.escapedName === property.escapedName);
}

/** Flags of types that `getNonNullableType` leaves as they are or drops: objects, primitives, literals, null and undefined. */
const PLAIN_TYPE_FLAGS =
  ts.TypeFlags.Object |
  ts.TypeFlags.NonPrimitive |
  ts.TypeFlags.Null |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Void |
  ts.TypeFlags.Never |
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.ESSymbolLike |
  ts.TypeFlags.EnumLike;

/** The type, or a member of the union, is something `getNonNullableType` could change (a type parameter, an intersection, `unknown`). */
function mayHideNullish(type: ts.Type): boolean {
  return (type.isUnion() ? type.types : [type]).some((member) => (member.flags & ~PLAIN_TYPE_FLAGS) !== 0);
}

function typeAdmits(type: ts.Type, flag: ts.TypeFlags): boolean {
  return type.isUnion() ? type.types.some((member) => (member.flags & flag) !== 0) : (type.flags & flag) !== 0;
}
